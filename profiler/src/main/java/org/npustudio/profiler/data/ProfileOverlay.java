package org.npustudio.profiler.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.graphview.scene.Overlay;

/**
 * Turns a profile into what the graph view draws: each node filled by the chosen metric (linear or log
 * colour scale, legend with the value at every stop), a badge such as {@code 0.42 ms · 1.3 MB}, edges
 * thicker by the DRAM bytes their producer writes, nodes without results neutral, and per name-scope
 * group the aggregate colour plus a small distribution of member values for collapsed group boxes.
 * Recomputing it never needs a new layout.
 */
public final class ProfileOverlay {
    /** Bins of the distribution bar drawn on a collapsed group. */
    public static final int BINS = 5;

    /** A collapsed group's colour and how its members' values spread over the scale ({@link #BINS} counts). */
    public record GroupSummary(String path, double sum, int fill, int[] distribution) {}

    public record Result(Overlay overlay, Map<String, GroupSummary> groups, List<String> withoutResults) {}

    private ProfileOverlay() {}

    /** How values become colours. */
    public enum Colouring { LINEAR, LOG, THRESHOLDS }

    public static Result of(Profile p, Metric metric, boolean log) {
        return of(p, metric, log ? Colouring.LOG : Colouring.LINEAR);
    }

    public static Result of(Profile p, Metric metric, Colouring colouring) {
        boolean log = colouring == Colouring.LOG;
        ColorScale scale = ColorScale.over(p, metric, log);
        Thresholds steps = colouring == Colouring.THRESHOLDS ? Thresholds.quantiles(p, metric) : null;
        Overlay.Builder b = Overlay.builder();
        double maxWrite = 1;
        for (NodeMetrics n : p.nodes()) maxWrite = Math.max(maxWrite, n.writeBytes());
        for (NodeMetrics n : p.nodes()) {
            String absorber = n.absorbedInto();
            if (!n.ownsWork()) {
                // As compiled, a folded BN or fused ReLU has no cost of its own: drawn neutral (not "cheapest"),
                // its badge pointing at the node that does its work; a removed Identity says so.
                b.fill(n.id(), argb(ColorScale.NEUTRAL_HEX));
                b.badge(n.id(), absorber != null ? "→ " + shortName(p.displayName(absorber)) : "removed");
                continue;
            }
            double v = metric.of(n);
            b.fill(n.id(), steps != null ? argb(steps.hex(v)) : scale.argb(v));
            b.badge(n.id(), n.costed() ? Metric.LATENCY.format(n.latencyMicros()) + " · " + Units.bytes(n.dramBytes())
                    : Metric.UNKNOWN + " (" + n.notCosted() + ")");
        }
        for (String id : p.nodesWithoutResults()) {
            b.fill(id, argb(ColorScale.NEUTRAL_HEX));
            b.badge(id, "no result");
        }
        edges(p, b, maxWrite);
        if (steps != null) {
            List<Overlay.LegendEntry> entries = new ArrayList<>();
            for (String[] e : steps.legend(metric)) entries.add(new Overlay.LegendEntry(e[0], argb(e[1])));
            entries.add(new Overlay.LegendEntry(p.notCosted() > 0 ? "no value / not costed (?)" : "no value", argb(ColorScale.NEUTRAL_HEX)));
            b.legend(metric.label() + " (quantile thresholds)", entries);
        } else {
            b.legend(metric.label() + (log ? " (log scale)" : ""), legend(scale, metric, p));
        }
        Map<String, GroupSummary> groups = groups(p, metric, scale);
        // Collapsed groups: coloured by their sum on the groups' own scale, a bar of how members spread over
        // the metric's bins, and the sum as badge.
        int[] binColours = new int[BINS];
        for (int k = 0; k < BINS; k++) binColours[k] = scale.argb(scale.valueAt((k + 0.5) / BINS));
        for (GroupSummary g : groups.values()) {
            b.group(g.path(), g.fill(), metric.format(g.sum()));
            b.groupBar(g.path(), binColours, g.distribution());
        }
        return new Result(b.build(), groups, p.nodesWithoutResults());
    }

    /**
     * Edge width 1..6 px growing with the log of the bytes the producer writes to DRAM; 0 B stays thin. As
     * compiled, a node and those absorbed into it are one compiled op: its writes go on the values leaving the
     * group (the fused ReLU's output, not the Conv → BN edge inside it, which never reaches DRAM).
     */
    private static void edges(Profile p, Overlay.Builder b, double maxWrite) {
        Map<String, List<String>> members = new LinkedHashMap<>();
        for (NodeMetrics n : p.nodes()) {
            String into = n.absorbedInto();
            members.computeIfAbsent(into == null ? n.id() : into, k -> new ArrayList<>()).add(n.id());
        }
        for (NodeMetrics n : p.nodes()) {
            if (n.writeBytes() <= 0 || n.absorbedInto() != null) continue;
            double w = 1 + 5 * Math.log1p(n.writeBytes()) / Math.log1p(maxWrite);
            List<String> group = members.getOrDefault(n.id(), List.of(n.id()));
            for (String id : group) {
                for (String value : p.outputs(id)) {
                    List<String> readers = p.readers(value);
                    if (group.size() > 1 && !readers.isEmpty() && group.containsAll(readers)) continue; // stays inside the compiled op
                    b.edge(value, argb("#555555"), w);
                }
            }
        }
    }


    private static List<Overlay.LegendEntry> legend(ColorScale scale, Metric m, Profile p) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (NodeMetrics n : p.nodes()) {
            double v = m.of(n);
            if (Double.isNaN(v)) continue;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        List<Overlay.LegendEntry> out = new ArrayList<>();
        if (lo > hi) {
            out.add(new Overlay.LegendEntry("no values", argb(ColorScale.NEUTRAL_HEX)));
            return out;
        }
        int stops = ColorScale.SEQUENTIAL_HEX.length;
        for (int i = 0; i < stops; i++) {
            double t = (double) i / (stops - 1);
            double v = scale.valueAt(t);
            out.add(new Overlay.LegendEntry(m.format(v), argb(ColorScale.SEQUENTIAL_HEX[i])));
        }
        out.add(new Overlay.LegendEntry(p.notCosted() > 0 ? "no value / not costed (?)" : "no value", argb(ColorScale.NEUTRAL_HEX)));
        return out;
    }

    private static Map<String, GroupSummary> groups(Profile p, Metric m, ColorScale scale) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        Map<String, int[]> dist = new LinkedHashMap<>();
        for (NodeMetrics n : p.nodes()) {
            double v = m.of(n);
            for (int d = 1; d <= n.scope().size(); d++) {
                String path = String.join("/", n.scope().subList(0, d));
                if (!Double.isNaN(v)) sums.computeIfAbsent(path, k -> new double[1])[0] += v;
                int bin = Double.isNaN(v) ? -1 : Math.min(BINS - 1, (int) (scale.position(v) * BINS));
                int[] bins = dist.computeIfAbsent(path, k -> new int[BINS]);
                if (bin >= 0) bins[bin]++;
            }
        }
        // Groups are coloured on their own scale: sums are larger than any member's value.
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (double[] s : sums.values()) {
            lo = Math.min(lo, s[0]);
            hi = Math.max(hi, s[0]);
        }
        ColorScale groupScale = new ColorScale(Double.isInfinite(lo) ? 0 : lo, hi, false);
        Map<String, GroupSummary> out = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> e : dist.entrySet()) {
            double sum = sums.containsKey(e.getKey()) ? sums.get(e.getKey())[0] : Double.NaN;
            out.put(e.getKey(), new GroupSummary(e.getKey(), Double.isNaN(sum) ? 0 : sum, groupScale.argb(sum), e.getValue()));
        }
        return out;
    }

    /** The last two segments of a scoped name ("features.0.0/Conv" of "/features/features.0/features.0.0/Conv"), for a badge. */
    static String shortName(String name) {
        int last = name.lastIndexOf('/');
        int before = last > 0 ? name.lastIndexOf('/', last - 1) : -1;
        return last < 0 ? name : name.substring(before + 1);
    }

    static int argb(String hex) { return ColorScale.argbOf(hex); }
}
