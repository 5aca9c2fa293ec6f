package org.npustudio.passes.quant;

import java.util.Arrays;
import java.util.Random;

/**
 * The value range of one activation over the calibration runs: exact min/max, plus a seeded reservoir
 * sample of the values (at most 64k) for the percentile and entropy methods, so memory stays bounded
 * whatever the tensor size and number of runs.
 */
final class RangeCollector {
    private static final int CAPACITY = 1 << 16;
    private final float[] reservoir = new float[CAPACITY];
    private final Random random;
    private long seen;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    RangeCollector(long seed) {
        random = new Random(seed);
    }

    void add(float[] values) {
        for (float v : values) {
            if (!Float.isFinite(v)) continue;
            min = Math.min(min, v);
            max = Math.max(max, v);
            if (seen < CAPACITY) {
                reservoir[(int) seen] = v;
            } else {
                long j = (long) (random.nextDouble() * (seen + 1));
                if (j < CAPACITY) reservoir[(int) j] = v;
            }
            seen++;
        }
    }

    /** [lo, hi] always containing 0 (so zero is exactly representable). */
    double[] range(String method, double percentile) {
        if (seen == 0) return new double[] {0, 0};
        double lo = min, hi = max;
        float[] s = Arrays.copyOf(reservoir, (int) Math.min(seen, CAPACITY));
        Arrays.sort(s);
        switch (method) {
            case "percentile" -> {
                lo = s[(int) Math.floor((1 - percentile / 100) * (s.length - 1))];
                hi = s[(int) Math.ceil(percentile / 100 * (s.length - 1))];
            }
            case "entropy" -> {
                double t = entropyThreshold(s, 128);
                lo = Math.max(min, -t);
                hi = Math.min(max, t);
            }
            case "mse" -> {
                double[] best = mseRange(s, Math.min(min, 0), Math.max(max, 0));
                lo = best[0];
                hi = best[1];
            }
            default -> { }
        }
        return new double[] {Math.min(lo, 0), Math.max(hi, 0)};
    }

    /**
     * The range [r·lo, r·hi] (r from 1 down to 0.2) whose asymmetric 8-bit quantization of the sampled
     * values has the least squared error: clips a rare tail only when that buys more precision for the bulk.
     */
    private static double[] mseRange(float[] sample, double lo, double hi) {
        double bestErr = Double.POSITIVE_INFINITY;
        double[] best = {lo, hi};
        for (int k = 0; k <= 40; k++) {
            double r = 1 - k * 0.02;
            double a = lo * r, b = hi * r, scale = (b - a) / 255;
            if (scale <= 0) break;
            double zp = Math.round(-a / scale), err = 0;
            for (float v : sample) {
                double q = Math.max(0, Math.min(255, Math.round(v / scale + zp)));
                double d = v - (q - zp) * scale;
                err += d * d;
            }
            if (err < bestErr) {
                bestErr = err;
                best = new double[] {a, b};
            }
        }
        return best;
    }

    /** The |x| clipping threshold minimising KL(P || Q) over 2048-bin histograms quantized to {@code levels} levels. */
    private static double entropyThreshold(float[] sorted, int levels) {
        int bins = 2048;
        double maxAbs = Math.max(Math.abs(sorted[0]), Math.abs(sorted[sorted.length - 1]));
        if (maxAbs == 0) return 0;
        double[] hist = new double[bins];
        for (float v : sorted) hist[Math.min(bins - 1, (int) (Math.abs(v) / maxAbs * bins))]++;
        double best = Double.POSITIVE_INFINITY;
        int bestI = bins;
        for (int i = levels; i <= bins; i += 16) {
            double[] p = Arrays.copyOf(hist, i);
            for (int k = i; k < bins; k++) p[i - 1] += hist[k];
            double[] q = new double[i];
            double per = (double) i / levels;
            for (int l = 0; l < levels; l++) {
                int a = (int) Math.floor(l * per), b = (int) Math.floor((l + 1) * per);
                double sum = 0;
                int nonZero = 0;
                for (int k = a; k < b; k++) {
                    sum += hist[k];
                    if (hist[k] > 0) nonZero++;
                }
                for (int k = a; k < b; k++) if (hist[k] > 0) q[k] = sum / nonZero;
            }
            double kl = kl(p, q);
            if (kl < best) {
                best = kl;
                bestI = i;
            }
        }
        return (bestI + 0.5) * maxAbs / bins;
    }

    private static double kl(double[] p, double[] q) {
        double ps = 0, qs = 0;
        for (double x : p) ps += x;
        for (double x : q) qs += x;
        double kl = 0;
        for (int k = 0; k < p.length; k++) {
            if (p[k] == 0) continue;
            if (q[k] == 0) return Double.POSITIVE_INFINITY;
            kl += p[k] / ps * Math.log((p[k] / ps) / (q[k] / qs));
        }
        return kl;
    }
}
