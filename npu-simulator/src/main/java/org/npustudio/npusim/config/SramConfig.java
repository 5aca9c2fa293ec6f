package org.npustudio.npusim.config;

/**
 * On-chip buffers in bytes. Either SCALE-Sim style separate ifmap/filter/ofmap buffers, or an edge-NPU
 * style unified activation buffer (inputs and outputs share it) plus a weight buffer (ENLIGHT's
 * gbuf/wbuf). For the unified kind ifmap and ofmap report the shared activation buffer.
 */
public record SramConfig(boolean unified, long ifmapBytes, long filterBytes, long ofmapBytes, long activationBytes) {
    public static SramConfig separate(long ifmap, long filter, long ofmap) {
        return new SramConfig(false, ifmap, filter, ofmap, 0);
    }

    public static SramConfig unified(long activation, long weight) {
        return new SramConfig(true, activation, weight, activation, activation);
    }

    public long weightBytes() { return filterBytes; }

    public long totalBytes() { return unified ? activationBytes + filterBytes : ifmapBytes + filterBytes + ofmapBytes; }
}
