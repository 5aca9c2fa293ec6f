package org.npustudio.profiler.data;

import org.npustudio.graphview.scene.Colors;

/**
 * Colour scales shared by the overlay, the HTML report and the Model Explorer export. The sequential
 * scale runs light-to-dark through colours that stay distinguishable with the common colour-vision
 * deficiencies (a viridis-like ramp); the categorical palette is Okabe–Ito's. A value maps to [0, 1]
 * linearly or logarithmically; zero and single-value ranges map to 0, never NaN.
 */
public final class ColorScale {
    public static final String[] SEQUENTIAL_HEX = {"#fde725", "#7ad151", "#22a884", "#2a788e", "#414487", "#440154"};
    public static final String[] CATEGORICAL_HEX = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"};
    /** Faster than baseline (green-ish blue) to slower (vermillion), for A/B deltas. */
    public static final String FASTER_HEX = "#009E73";
    public static final String SLOWER_HEX = "#D55E00";
    public static final String NEUTRAL_HEX = "#d9d9d9";

    private static final int[] PALETTE = java.util.Arrays.stream(SEQUENTIAL_HEX).mapToInt(ColorScale::argbOf).toArray();

    private final double min;
    private final double max;
    private final boolean log;

    public ColorScale(double min, double max, boolean log) {
        this.log = log;
        this.min = log ? Math.log10(Math.max(min, Double.MIN_NORMAL)) : min;
        this.max = log ? Math.log10(Math.max(max, Double.MIN_NORMAL)) : max;
    }

    /** A scale over the metric's finite values in the profile (log: positive values only). */
    public static ColorScale over(Profile p, Metric m, boolean log) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (NodeMetrics n : p.nodes()) {
            double v = m.of(n);
            if (Double.isNaN(v) || Double.isInfinite(v) || (log && v <= 0)) continue;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (lo > hi) lo = hi = 0;
        return new ColorScale(lo, hi, log);
    }

    /** Position of v in [0, 1]; values outside clamp; non-positive values on a log scale map to 0. */
    public double position(double v) {
        if (Double.isNaN(v)) return 0;
        double x = log ? (v > 0 ? Math.log10(v) : min) : v;
        if (max <= min) return 0;
        return Math.max(0, Math.min(1, (x - min) / (max - min)));
    }

    /** The value at position t in [0, 1] (inverse of {@link #position}). */
    public double valueAt(double t) {
        double x = min + t * (max - min);
        return log ? Math.pow(10, x) : x;
    }

    public String hex(double v) {
        return Double.isNaN(v) ? NEUTRAL_HEX : Colors.hex(argb(v));
    }

    /** The colour of a value as opaque ARGB (what overlays take; no text round trip). */
    public int argb(double v) {
        if (Double.isNaN(v)) return argbOf(NEUTRAL_HEX);
        double t = position(v) * (PALETTE.length - 1);
        int i = Math.min((int) t, PALETTE.length - 2);
        return Colors.mix(PALETTE[i], PALETTE[i + 1], t - i);
    }

    /** Opaque ARGB of {@code #rrggbb}. */
    public static int argbOf(String hex) {
        return 0xff000000 | Integer.parseInt(hex.substring(1), 16);
    }

    /** Black or white, whichever reads better on the given background (WCAG relative luminance). */
    public static String textOn(String backgroundHex) {
        int[] c = rgb(backgroundHex);
        double l = 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2]);
        return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? "#000000" : "#ffffff";
    }

    private static double lin(int c) {
        double s = c / 255.0;
        return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }

    static int[] rgb(String hex) {
        int v = Integer.parseInt(hex.substring(1), 16);
        return new int[] {(v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff};
    }
}
