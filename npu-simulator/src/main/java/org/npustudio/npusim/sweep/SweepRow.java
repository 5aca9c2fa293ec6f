package org.npustudio.npusim.sweep;

import java.io.Serializable;
import java.util.List;

/**
 * The outcome of one design point: the point, {@code ok} or {@code invalid} with a one-line reason, and the
 * objectives (NaN for an invalid point). {@code latencyUs} is the schedule's end, {@code energyUj} the energy
 * of one inference, {@code areaMm2} the NPU's area, {@code dramBytes} the DRAM traffic, {@code utilisation}
 * the MACs over what the array could have done in that time, {@code dwUtilisation} the same over the
 * depthwise convolutions only (NaN when the model has none), {@code uncosted} the ops not costed (when above
 * 0 the figures are lower bounds).
 */
public record SweepRow(SweepPoint point, boolean ok, String reason, double latencyUs, double energyUj, double areaMm2,
                       double dramBytes, double utilisation, double dwUtilisation, long macs, int uncosted) implements Serializable {

    /** Objective names in column order. */
    public static final List<String> OBJECTIVES = List.of("latency_us", "energy_uj", "area_mm2", "dram_bytes", "utilisation",
            "dw_utilisation", "macs", "uncosted");

    /** The objectives the Pareto front minimises, in column order. */
    public static final List<String> FRONT = List.of("latency_us", "energy_uj", "area_mm2");

    /** The pairs of {@link #FRONT} objectives (indices) that have a front of their own, and their column names. */
    public static final int[][] PAIRS = {{0, 1}, {0, 2}, {1, 2}};
    public static final List<String> PAIR_COLUMNS = List.of("pareto_latency_energy", "pareto_latency_area", "pareto_energy_area");

    public static SweepRow invalid(SweepPoint p, String reason) {
        return new SweepRow(p, false, oneLine(reason), Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0);
    }

    public long id() { return point.id(); }

    /** The value of a minimised objective by its index in {@link #FRONT}. */
    public double front(int i) {
        return switch (i) {
            case 0 -> latencyUs;
            case 1 -> energyUj;
            case 2 -> areaMm2;
            default -> throw new IndexOutOfBoundsException(i);
        };
    }

    /** Reasons go into one CSV line each, so the results log stays line-oriented. */
    static String oneLine(String s) {
        return s == null ? "" : s.replace('\r', ' ').replace('\n', ' ');
    }
}
