package org.npustudio.profiler.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Discrete colour classes (Model Explorer's "thresholds" colouring): a node takes the colour of the
 * highest threshold its value reaches. Thresholds sit at quantiles of the metric over the profile, so the
 * few ops that dominate stand out whatever the spread; equal quantiles collapse into one class.
 */
public record Thresholds(double[] bounds, String[] colours) {
    /** Class bounds at these quantiles: half the ops below the first, the top 2.5 % above the last. */
    public static final double[] QUANTILES = {0.5, 0.75, 0.9, 0.975};

    public Thresholds {
        if (colours.length != bounds.length + 1) throw new IllegalArgumentException("one colour more than thresholds");
    }

    /** Quantile thresholds of the metric's finite values (no values: one neutral class). */
    public static Thresholds quantiles(Profile p, Metric m) {
        double[] v = p.nodes().stream().mapToDouble(m::of).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) return new Thresholds(new double[0], new String[] {ColorScale.NEUTRAL_HEX});
        List<Double> bounds = new ArrayList<>();
        for (double q : QUANTILES) {
            double b = v[Math.min(v.length - 1, (int) Math.floor(q * v.length))];
            if (b > v[0] && (bounds.isEmpty() || b > bounds.get(bounds.size() - 1))) bounds.add(b);
        }
        String[] palette = ColorScale.SEQUENTIAL_HEX;
        String[] colours = new String[bounds.size() + 1];
        // Spread the classes over the whole palette so the top class is always the darkest.
        for (int i = 0; i < colours.length; i++) {
            colours[i] = palette[colours.length == 1 ? 0 : Math.round((float) i * (palette.length - 1) / (colours.length - 1))];
        }
        return new Thresholds(bounds.stream().mapToDouble(Double::doubleValue).toArray(), colours);
    }

    /** The class of a value: the number of thresholds it reaches. */
    public int classOf(double value) {
        int c = Arrays.binarySearch(bounds, value);
        return c >= 0 ? c + 1 : -c - 1;
    }

    public String hex(double value) { return Double.isNaN(value) ? ColorScale.NEUTRAL_HEX : colours[classOf(value)]; }

    /** Legend lines: "< t1", "≥ t1", … with their colours. */
    public List<String[]> legend(Metric m) {
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < colours.length; i++) {
            String label = bounds.length == 0 ? "all values" : i == 0 ? "< " + m.format(bounds[0]) : "≥ " + m.format(bounds[i - 1]);
            out.add(new String[] {label, colours[i]});
        }
        return out;
    }
}
