package org.npustudio.npusim.calibrate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleFunction;
import org.npustudio.npusim.config.CpuConfig;

/**
 * Fits the CPU roofline to host measurements: per-op-type efficiency, one memory bandwidth and one
 * per-op overhead, minimising the squared error of log(predicted) against log(measured) over all samples
 * (so a 2x miss on a 3 us ReLU weighs as much as on a 3 ms Conv). The prediction is {@code max()} of two
 * terms plus a constant, not smooth, so each parameter is set in turn by a search over a log grid
 * (coordinate descent, a few rounds): slow on paper, milliseconds for thousands of samples, and it
 * cannot diverge. Times below {@link #FLOOR_SECONDS} (ONNX Runtime's trace has 1 us resolution) are
 * compared as the floor. Peak FLOP/s is kept: efficiencies are fractions of it. Op types never
 * measured get the median of the fitted efficiencies as {@code default}.
 */
public final class HostCalibration {
    public static final double FLOOR_SECONDS = 0.5e-6;
    private static final int ROUNDS = 6;

    private HostCalibration() {}

    public static CpuConfig fit(CpuConfig start, List<HostSample> samples) {
        if (samples.isEmpty()) return start;
        Map<String, List<HostSample>> byOp = new TreeMap<>();
        for (HostSample s : samples) byOp.computeIfAbsent(s.op(), k -> new ArrayList<>()).add(s);
        CpuConfig c = start;
        for (int round = 0; round < ROUNDS; round++) {
            CpuConfig base = c;
            c = best(v -> with(base, base.memoryBytesPerSecond(), v, base.efficiency()), grid(0, 0.05e-6, 100e-6, 90), samples);
            CpuConfig b2 = c;
            c = best(v -> with(b2, v, b2.overheadSeconds(), b2.efficiency()), grid(-1, 0.5e9, 2000e9, 120), samples);
            for (Map.Entry<String, List<HostSample>> e : byOp.entrySet()) {
                if (e.getValue().stream().allMatch(s -> s.flops() == 0)) continue; // efficiency cannot matter
                CpuConfig b3 = c;
                c = best(v -> with(b3, b3.memoryBytesPerSecond(), b3.overheadSeconds(), put(b3.efficiency(), e.getKey(), v)),
                        grid(-1, 1e-6, 1, 160), e.getValue());
            }
        }
        Map<String, Double> eff = new LinkedHashMap<>(c.efficiency());
        double[] fitted = byOp.keySet().stream().filter(eff::containsKey).mapToDouble(eff::get).sorted().toArray();
        if (fitted.length > 0) eff.put("default", fitted[fitted.length / 2]);
        return with(c, c.memoryBytesPerSecond(), c.overheadSeconds(), eff);
    }

    /** Sum of squared log errors of {@code c} over the samples. */
    public static double loss(CpuConfig c, List<HostSample> samples) {
        double sum = 0;
        for (HostSample s : samples) {
            double d = Math.log(Math.max(s.predictedSeconds(c), FLOOR_SECONDS)) - Math.log(Math.max(s.measuredSeconds(), FLOOR_SECONDS));
            sum += d * d;
        }
        return sum;
    }

    private static CpuConfig best(DoubleFunction<CpuConfig> candidate, double[] values, List<HostSample> samples) {
        CpuConfig best = null;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (double v : values) {
            CpuConfig c = candidate.apply(v);
            double l = loss(c, samples);
            if (l < bestLoss) {
                bestLoss = l;
                best = c;
            }
        }
        return best;
    }

    /** {@code n} values spaced evenly in log from {@code lo} to {@code hi}, preceded by {@code zero} when it is 0. */
    private static double[] grid(double zero, double lo, double hi, int n) {
        double[] g = new double[n + (zero == 0 ? 1 : 0)];
        int k = 0;
        if (zero == 0) g[k++] = 0;
        for (int i = 0; i < n; i++) g[k++] = lo * Math.pow(hi / lo, i / (double) (n - 1));
        return Arrays.copyOf(g, k);
    }

    private static Map<String, Double> put(Map<String, Double> m, String k, double v) {
        Map<String, Double> out = new LinkedHashMap<>(m);
        out.put(k, v);
        return out;
    }

    private static CpuConfig with(CpuConfig c, double bandwidth, double overhead, Map<String, Double> eff) {
        return new CpuConfig(c.name(), c.peakFlopsPerSecond(), bandwidth, Map.copyOf(eff), overhead);
    }
}
