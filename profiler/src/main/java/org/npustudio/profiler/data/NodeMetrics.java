package org.npustudio.profiler.data;

import java.util.List;

/**
 * One simulated node as the profiler shows it: identity (stable id, ONNX name, op, scope path), where it
 * ran (device, partition, fusion group; -1 = none) and what it cost. Times in microseconds, sizes in
 * bytes. {@code share} is this node's part of the summed latency, 0..1. {@code notCosted} is null for a
 * costed node, else why its cost is unknown ("unknown shape", "opaque op", "unknown trip count"): its
 * numbers are then placeholders, every {@link Metric} of it is NaN (drawn grey, shown as "?").
 * {@code costSource} is "measured" (a host profile's median) or "modelled" (the simulator's models).
 * {@code energyPj} is the node's energy estimate in picojoules (docs/energy-area.md).
 */
public record NodeMetrics(String id, String name, String opType, List<String> scope, String device, String partition,
                          int fusionGroup, double latencyMicros, double share, long cycles, long macs, double readBytes,
                          double writeBytes, double unfusedDramBytes, double utilisation, String bound,
                          double startMicros, double endMicros, String notCosted, String costSource,
                          double energyPj) {

    /** A node without an energy figure (0 pJ). */
    public NodeMetrics(String id, String name, String opType, List<String> scope, String device, String partition,
                       int fusionGroup, double latencyMicros, double share, long cycles, long macs, double readBytes,
                       double writeBytes, double unfusedDramBytes, double utilisation, String bound,
                       double startMicros, double endMicros, String notCosted, String costSource) {
        this(id, name, opType, scope, device, partition, fusionGroup, latencyMicros, share, cycles, macs, readBytes, writeBytes,
                unfusedDramBytes, utilisation, bound, startMicros, endMicros, notCosted, costSource, 0);
    }

    /** A modelled node, costed or not. */
    public NodeMetrics(String id, String name, String opType, List<String> scope, String device, String partition,
                       int fusionGroup, double latencyMicros, double share, long cycles, long macs, double readBytes,
                       double writeBytes, double unfusedDramBytes, double utilisation, String bound,
                       double startMicros, double endMicros, String notCosted) {
        this(id, name, opType, scope, device, partition, fusionGroup, latencyMicros, share, cycles, macs, readBytes, writeBytes,
                unfusedDramBytes, utilisation, bound, startMicros, endMicros, notCosted, "modelled");
    }

    /** A costed node. */
    public NodeMetrics(String id, String name, String opType, List<String> scope, String device, String partition,
                       int fusionGroup, double latencyMicros, double share, long cycles, long macs, double readBytes,
                       double writeBytes, double unfusedDramBytes, double utilisation, String bound,
                       double startMicros, double endMicros) {
        this(id, name, opType, scope, device, partition, fusionGroup, latencyMicros, share, cycles, macs, readBytes, writeBytes,
                unfusedDramBytes, utilisation, bound, startMicros, endMicros, null);
    }

    public boolean costed() { return notCosted == null; }

    public boolean measured() { return "measured".equals(costSource); }

    public double dramBytes() { return readBytes + writeBytes; }

    /** MACs per DRAM byte; NaN when the node moved no DRAM bytes (undefined, drawn neutral). */
    public double intensity() {
        double d = dramBytes();
        return d > 0 ? macs / d : Double.NaN;
    }

    /** Achieved MAC/s; NaN when the node took no time. */
    public double achievedMacsPerSecond() {
        return latencyMicros > 0 ? macs / (latencyMicros * 1e-6) : Double.NaN;
    }
}
