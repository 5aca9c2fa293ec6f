package org.npustudio.graphview.ui;

import org.npustudio.ir.DataType;
import org.npustudio.ir.Tensor;

/**
 * Summary of a constant tensor's values: min, max, mean, standard deviation and a histogram. Decoding a
 * large weight is expensive, so the inspector computes this off the FX thread, and only on request.
 * NaNs are counted apart and left out of the other figures.
 */
public record TensorStats(long count, long nans, double min, double max, double mean, double std, long[] histogram) {
    public static final int BINS = 24;

    /** Whether the element type can be summarised numerically. */
    public static boolean supports(Tensor t) {
        DataType d = t.dataType();
        return d != DataType.STRING && d != DataType.UNDEFINED && t.elementCount() > 0;
    }

    public static TensorStats of(Tensor t) {
        return of(t.toDoubles());
    }

    public static TensorStats of(double[] v) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, sum = 0;
        long n = 0, nans = 0;
        for (double x : v) {
            if (Double.isNaN(x)) { nans++; continue; }
            min = Math.min(min, x);
            max = Math.max(max, x);
            sum += x;
            n++;
        }
        if (n == 0) return new TensorStats(0, nans, Double.NaN, Double.NaN, Double.NaN, Double.NaN, new long[BINS]);
        double mean = sum / n;
        double sq = 0;
        for (double x : v) if (!Double.isNaN(x)) sq += (x - mean) * (x - mean);
        long[] hist = new long[BINS];
        double span = max - min;
        for (double x : v) {
            if (Double.isNaN(x)) continue;
            int b = span == 0 || Double.isInfinite(span) ? BINS / 2 : (int) Math.min(BINS - 1, Math.floor((x - min) / span * BINS));
            hist[Math.max(0, b)]++;
        }
        return new TensorStats(n, nans, min, max, mean, Math.sqrt(sq / n), hist);
    }
}
