package org.npustudio.npusim.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns of a sweep's rows and the text of each cell, shared by the results log, {@code results.csv}
 * and any other writer (a cluster job writes the same cells). Numbers are written with {@link Double#toString}
 * (which reads back to the same double), a missing number as an empty cell (NaN in pandas and Spark).
 */
public final class SweepTable {
    public static final String OK = "ok";
    public static final String INVALID = "invalid";

    private final List<String> parameters;

    public SweepTable(List<String> parameters) {
        this.parameters = List.copyOf(parameters);
    }

    public SweepTable(SweepSpec spec) { this(spec.parameterKeys()); }

    public List<String> parameters() { return parameters; }

    /** id, config, model, the parameters, status, reason, the objectives — the results log's columns. */
    public List<String> header() {
        List<String> h = new ArrayList<>(List.of("id", "config", "model"));
        h.addAll(parameters);
        h.add("status");
        h.add("reason");
        h.addAll(SweepRow.OBJECTIVES);
        return h;
    }

    /**
     * {@link #header()}, {@code pareto} (front of latency, energy and area) and one front column per pair of
     * them ({@link SweepRow#PAIR_COLUMNS}): the columns of {@code results.csv}.
     */
    public List<String> resultHeader() {
        List<String> h = header();
        h.add("pareto");
        h.addAll(SweepRow.PAIR_COLUMNS);
        return h;
    }

    public List<String> cells(SweepRow r) {
        SweepPoint p = r.point();
        List<String> c = new ArrayList<>(List.of(Long.toString(p.id()), Integer.toString(p.config()), p.model()));
        c.addAll(p.values());
        c.add(r.ok() ? OK : INVALID);
        c.add(r.reason());
        for (double v : new double[] {r.latencyUs(), r.energyUj(), r.areaMm2(), r.dramBytes(), r.utilisation(), r.dwUtilisation()}) c.add(number(v));
        c.add(r.ok() ? Long.toString(r.macs()) : "");
        c.add(r.ok() ? Integer.toString(r.uncosted()) : "");
        return c;
    }

    /** The row the cells of {@link #cells} describe; {@link IllegalArgumentException} when they do not. */
    public SweepRow row(List<String> c) {
        int n = parameters.size();
        if (c.size() != header().size()) throw new IllegalArgumentException(c.size() + " cells where the header has " + header().size());
        SweepPoint p = new SweepPoint(Long.parseLong(c.get(0)), Integer.parseInt(c.get(1)), c.get(2), c.subList(3, 3 + n));
        int k = 3 + n;
        boolean ok = switch (c.get(k)) {
            case OK -> true;
            case INVALID -> false;
            default -> throw new IllegalArgumentException("status '" + c.get(k) + "' is neither ok nor invalid");
        };
        String reason = c.get(k + 1);
        double[] v = new double[6];
        for (int i = 0; i < 6; i++) v[i] = parse(c.get(k + 2 + i));
        long macs = c.get(k + 8).isEmpty() ? 0 : Long.parseLong(c.get(k + 8));
        int uncosted = c.get(k + 9).isEmpty() ? 0 : Integer.parseInt(c.get(k + 9));
        return new SweepRow(p, ok, reason, v[0], v[1], v[2], v[3], v[4], v[5], macs, uncosted);
    }

    static String number(double v) { return Double.isNaN(v) ? "" : Double.toString(v); }

    private static double parse(String s) { return s.isEmpty() ? Double.NaN : Double.parseDouble(s); }
}
