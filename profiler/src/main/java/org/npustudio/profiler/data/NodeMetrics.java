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
 * {@code compiled} is null as written; as compiled it is what the node became ({@code NodeResult.compiled}:
 * "Conv + folded BatchNormalization 'bn1' (runs as FusedConv)", "folded into 'conv1' (fold-batchnorm)");
 * {@code absorbedInto} is then the node whose row carries this one's work (conv1), else null.
 * {@code precision} is the precision key it was costed at (e.g. int8, int4w8a), "" when unknown.
 */
public record NodeMetrics(String id, String name, String opType, List<String> scope, String device, String partition,
                          int fusionGroup, double latencyMicros, double share, long cycles, long macs, double readBytes,
                          double writeBytes, double unfusedDramBytes, double utilisation, String bound,
                          double startMicros, double endMicros, String notCosted, String costSource,
                          double energyPj, String compiled, String absorbedInto, String precision) {

    /** Without a precision (""): built before precision per node. */
    public NodeMetrics(String id, String name, String opType, List<String> scope, String device, String partition,
                       int fusionGroup, double latencyMicros, double share, long cycles, long macs, double readBytes,
                       double writeBytes, double unfusedDramBytes, double utilisation, String bound,
                       double startMicros, double endMicros, String notCosted, String costSource,
                       double energyPj, String compiled, String absorbedInto) {
        this(id, name, opType, scope, device, partition, fusionGroup, latencyMicros, share, cycles, macs, readBytes, writeBytes,
                unfusedDramBytes, utilisation, bound, startMicros, endMicros, notCosted, costSource, energyPj, compiled, absorbedInto, "");
    }

    /** Costed as written, with its cost source and energy. */
    public NodeMetrics(String id, String name, String opType, List<String> scope, String device, String partition,
                       int fusionGroup, double latencyMicros, double share, long cycles, long macs, double readBytes,
                       double writeBytes, double unfusedDramBytes, double utilisation, String bound,
                       double startMicros, double endMicros, String notCosted, String costSource, double energyPj) {
        this(id, name, opType, scope, device, partition, fusionGroup, latencyMicros, share, cycles, macs, readBytes, writeBytes,
                unfusedDramBytes, utilisation, bound, startMicros, endMicros, notCosted, costSource, energyPj, null, null);
    }

    /** A node without an energy figure (0 pJ), as written. */
    public NodeMetrics(String id, String name, String opType, List<String> scope, String device, String partition,
                       int fusionGroup, double latencyMicros, double share, long cycles, long macs, double readBytes,
                       double writeBytes, double unfusedDramBytes, double utilisation, String bound,
                       double startMicros, double endMicros, String notCosted, String costSource) {
        this(id, name, opType, scope, device, partition, fusionGroup, latencyMicros, share, cycles, macs, readBytes, writeBytes,
                unfusedDramBytes, utilisation, bound, startMicros, endMicros, notCosted, costSource, 0);
    }

    /** A modelled node, costed or not, as written. */
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

    /**
     * False for a node with no work of its own as compiled (absorbed into another, or removed): its metrics
     * are "no value" (NaN), not 0, so it is neither coloured as the cheapest op nor counted in scales.
     */
    public boolean ownsWork() { return compiled == null || absorbedInto == null && !compiled.startsWith("removed"); }

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
