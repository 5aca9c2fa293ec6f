package org.npustudio.npusim.calibrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.npustudio.npusim.config.CpuConfig;

/**
 * Predicted against measured, before and after calibration: per op type the median absolute % error of
 * the node times, per model the error of the summed node times (the samples' sum, which is what the
 * roofline models; the whole ORT run adds session overhead on top).
 */
public record CalibrationReport(List<Row> byOp, List<Row> byModel, Row all) {
    /** One group: sample count, measured total, and the errors before and after (percent). */
    public record Row(String key, int samples, double measuredMicros, double beforePercent, double afterPercent) {}

    public static CalibrationReport of(List<HostSample> samples, CpuConfig before, CpuConfig after) {
        return new CalibrationReport(groups(samples, HostSample::op, before, after, false),
                groups(samples, HostSample::model, before, after, true), medianRow("all ops", samples, before, after));
    }

    private static List<Row> groups(List<HostSample> samples, Function<HostSample, String> key, CpuConfig before, CpuConfig after,
                                    boolean sums) {
        Map<String, List<HostSample>> by = new TreeMap<>();
        for (HostSample s : samples) by.computeIfAbsent(key.apply(s), k -> new ArrayList<>()).add(s);
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, List<HostSample>> e : by.entrySet()) {
            rows.add(sums ? sumRow(e.getKey(), e.getValue(), before, after) : medianRow(e.getKey(), e.getValue(), before, after));
        }
        return rows;
    }

    /** Median over nodes of |predicted - measured| / measured. */
    private static Row medianRow(String key, List<HostSample> s, CpuConfig before, CpuConfig after) {
        return new Row(key, s.size(), measured(s), median(s, before), median(s, after));
    }

    /** |sum predicted - sum measured| / sum measured. */
    private static Row sumRow(String key, List<HostSample> s, CpuConfig before, CpuConfig after) {
        double m = measured(s);
        return new Row(key, s.size(), m, 100 * Math.abs(predicted(s, before) - m) / m, 100 * Math.abs(predicted(s, after) - m) / m);
    }

    private static double measured(List<HostSample> s) {
        return s.stream().mapToDouble(x -> Math.max(x.measuredSeconds(), HostCalibration.FLOOR_SECONDS) * 1e6).sum();
    }

    private static double predicted(List<HostSample> s, CpuConfig c) {
        return s.stream().mapToDouble(x -> x.predictedSeconds(c) * 1e6).sum();
    }

    private static double median(List<HostSample> s, CpuConfig c) {
        double[] e = s.stream().mapToDouble(x -> {
            double m = Math.max(x.measuredSeconds(), HostCalibration.FLOOR_SECONDS);
            return 100 * Math.abs(x.predictedSeconds(c) - m) / m;
        }).sorted().toArray();
        int n = e.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? e[n / 2] : (e[n / 2 - 1] + e[n / 2]) / 2;
    }

    /** The two tables as fixed-width text. */
    public String render() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-24s %7s %13s %12s %12s%n", "op type", "nodes", "measured_us", "before_%err", "after_%err"));
        for (Row r : byOp) b.append(line(r));
        b.append(line(all)).append('\n');
        b.append(String.format(Locale.ROOT, "%-24s %7s %13s %12s %12s%n", "model (sum of nodes)", "nodes", "measured_us", "before_%err", "after_%err"));
        for (Row r : byModel) b.append(line(r));
        return b.toString();
    }

    private static String line(Row r) {
        return String.format(Locale.ROOT, "%-24s %7d %13.1f %12.1f %12.1f%n", r.key().length() > 24 ? r.key().substring(0, 23) + "~" : r.key(),
                r.samples(), r.measuredMicros(), r.beforePercent(), r.afterPercent());
    }
}
