package org.npustudio.npusim.cost;

/**
 * What limits an op's latency: the compute units, DRAM (or CPU memory) traffic, the array's latency, or
 * nothing (free ops). {@code LATENCY} is an NPU op with MACs whose compute outlasts its transfers although at
 * peak rate it would not (it sits left of the roofline's ridge): the array's fill and drain and the rows and
 * columns it leaves idle set its time, not the peak nor the bandwidth (docs/profiler.md, "Bound").
 */
public enum Bound {
    COMPUTE, MEMORY, LATENCY, NONE;

    public String label() { return name().toLowerCase(); }
}
