package org.npustudio.npusim.cost;

import org.npustudio.npusim.config.SramConfig;

/**
 * The capacities an op's operands see, in bytes, after checking that the smallest tile fits. With a
 * unified activation buffer the ifmap may use what the minimal ofmap tile leaves, and vice versa.
 */
record Buffers(double ifmap, double filter, double ofmap, double activationTotal) {

    static Buffers check(String device, String node, SramConfig s, double minIfmap, double minFilter, double minOfmap)
            throws SramTooSmallException {
        if (s.filterBytes() < minFilter) throw new SramTooSmallException(device, s.unified() ? "weight" : "filter", node, minFilter, s.filterBytes());
        if (s.unified()) {
            if (s.activationBytes() < minIfmap + minOfmap) {
                throw new SramTooSmallException(device, "activation", node, minIfmap + minOfmap, s.activationBytes());
            }
            return new Buffers(s.activationBytes() - minOfmap, s.filterBytes(), s.activationBytes() - minIfmap, s.activationBytes());
        }
        if (s.ifmapBytes() < minIfmap) throw new SramTooSmallException(device, "ifmap", node, minIfmap, s.ifmapBytes());
        if (s.ofmapBytes() < minOfmap) throw new SramTooSmallException(device, "ofmap", node, minOfmap, s.ofmapBytes());
        return new Buffers(s.ifmapBytes(), s.filterBytes(), s.ofmapBytes(), s.ifmapBytes() + s.ofmapBytes());
    }

    /** Bytes actually occupied: each operand up to its buffer (the unified buffer shared by ifmap and ofmap). */
    double peak(SramConfig s, double ifmapBytes, double filterBytes, double ofmapBytes) {
        if (s.unified()) return Math.min(ifmapBytes + ofmapBytes, activationTotal) + Math.min(filterBytes, filter);
        return Math.min(ifmapBytes, ifmap) + Math.min(filterBytes, filter) + Math.min(ofmapBytes, ofmap);
    }
}
