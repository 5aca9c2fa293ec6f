package org.npustudio.profiler.data;

import java.util.function.ToDoubleFunction;

/** A per-node quantity the overlay can colour by, the table can sort by and reports can chart. */
public enum Metric {
    LATENCY("latency", "Latency", "µs", NodeMetrics::latencyMicros),
    SHARE("share", "Share of latency", "%", m -> m.share() * 100),
    CYCLES("cycles", "Compute cycles", "cycles", m -> m.cycles()),
    DRAM("dram", "DRAM traffic", "B", NodeMetrics::dramBytes),
    DRAM_READ("dram-read", "DRAM reads", "B", NodeMetrics::readBytes),
    DRAM_WRITE("dram-write", "DRAM writes", "B", NodeMetrics::writeBytes),
    MACS("macs", "MACs", "MAC", m -> m.macs()),
    INTENSITY("intensity", "Arithmetic intensity", "MAC/B", NodeMetrics::intensity),
    UTILISATION("utilisation", "PE utilisation", "%", m -> m.utilisation() * 100),
    ENERGY("energy", "Energy", "pJ", NodeMetrics::energyPj);

    private final String key;
    private final String label;
    private final String unit;
    private final ToDoubleFunction<NodeMetrics> value;

    Metric(String key, String label, String unit, ToDoubleFunction<NodeMetrics> value) {
        this.key = key;
        this.label = label;
        this.unit = unit;
        this.value = value;
    }

    public String key() { return key; }

    public String label() { return label; }

    public String unit() { return unit; }

    /**
     * The node's value; NaN means "no value" (intensity of a node that moved no bytes; any metric of a node
     * not costed, or, as compiled, of a node absorbed into another or removed).
     */
    public double of(NodeMetrics m) { return m.costed() && m.ownsWork() ? value.applyAsDouble(m) : Double.NaN; }

    /** The node's value for people: "?" when the node is not costed (never 0), else {@link #format}. */
    public String display(NodeMetrics m) { return m.costed() ? format(of(m)) : UNKNOWN; }

    /** How a cost that cannot be known is shown. */
    public static final String UNKNOWN = "?";

    /** Human-readable value with unit, e.g. {@code 0.42 ms}, {@code 1.3 MB}, {@code 12.5 %}. */
    public String format(double v) {
        if (Double.isNaN(v)) return "—";
        return switch (this) {
            case LATENCY -> v >= 1000 ? Units.fixed(v / 1000, 2) + " ms" : Units.fixed(v, 1) + " µs";
            case DRAM, DRAM_READ, DRAM_WRITE -> Units.bytes(v);
            case SHARE, UTILISATION -> Units.fixed(v, 1) + " %";
            case MACS -> Units.count(v) + "MAC";
            case CYCLES -> Units.count(v) + "cyc";
            case INTENSITY -> Units.fixed(v, 1) + " MAC/B";
            case ENERGY -> Units.energy(v);
        };
    }

    public static Metric parse(String key) {
        for (Metric m : values()) if (m.key.equalsIgnoreCase(key.trim())) return m;
        return null;
    }

    public static String validKeys() {
        StringBuilder b = new StringBuilder();
        for (Metric m : values()) b.append(b.length() == 0 ? "" : ", ").append(m.key);
        return b.toString();
    }
}
