package org.npustudio.npusim.optimise;

/** What the plan optimiser minimises: the simulated makespan, the DRAM bytes moved, or energy (needs energy figures). */
public enum Objective {
    LATENCY, DRAM, ENERGY;

    /** The objective named by {@code s} (case-insensitive), or null. */
    public static Objective parse(String s) {
        if (s == null) return null;
        return switch (s.trim().toLowerCase()) {
            case "latency" -> LATENCY;
            case "dram" -> DRAM;
            case "energy" -> ENERGY;
            default -> null;
        };
    }

    public String key() { return name().toLowerCase(); }

    /** This objective's value of a simulated run, as {@code simulate} reports it: seconds, bytes or picojoules. */
    public double of(org.npustudio.npusim.sim.Totals total) {
        return switch (this) {
            case LATENCY -> total.makespanSeconds();
            case DRAM -> total.dramBytes();
            case ENERGY -> total.energyPj();
        };
    }

    /** A figure of this objective for tables: microseconds, megabytes. */
    public String format(double v) {
        if (Double.isNaN(v)) return "-";
        return switch (this) {
            case LATENCY -> String.format("%.1f us", v * 1e6);
            case DRAM -> String.format("%.3f MB", v / 1e6);
            case ENERGY -> String.format("%.3f uJ", v / 1e6);
        };
    }
}
