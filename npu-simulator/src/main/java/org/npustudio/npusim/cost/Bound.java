package org.npustudio.npusim.cost;

/** What limits an op's latency: the compute units, DRAM (or CPU memory) traffic, or nothing (free ops). */
public enum Bound {
    COMPUTE, MEMORY, NONE;

    public String label() { return name().toLowerCase(); }
}
