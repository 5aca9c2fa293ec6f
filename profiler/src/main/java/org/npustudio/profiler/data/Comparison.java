package org.npustudio.profiler.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.npustudio.graphview.scene.Colors;
import org.npustudio.graphview.scene.Overlay;

/**
 * A/B comparison of two runs of the same model (e.g. two plans or two NPU configs): per-node deltas of
 * a metric, the biggest movers, the end-to-end speed-up, and an overlay colouring faster nodes green
 * and slower ones vermillion (Okabe–Ito, distinguishable with red-green colour-vision deficiencies),
 * stronger with the size of the change. Nodes present in only one run are listed, not guessed.
 */
public final class Comparison {
    /** One node in both runs; {@code delta} = current - baseline (negative is better for times and bytes). */
    public record Mover(String id, String name, String opType, double baseline, double current, double delta) {
        public double relative() { return baseline == 0 ? (current == 0 ? 0 : 1) : delta / baseline; }
    }

    private final Metric metric;
    private final List<Mover> movers;
    private final List<String> onlyInBaseline = new ArrayList<>();
    private final List<String> onlyInCurrent = new ArrayList<>();
    private final double speedup;

    public Comparison(Profile baseline, Profile current, Metric metric) {
        this.metric = metric;
        List<Mover> all = new ArrayList<>();
        for (NodeMetrics c : current.nodes()) {
            NodeMetrics b = baseline.node(c.id());
            if (b == null) {
                onlyInCurrent.add(c.id());
                continue;
            }
            double bv = metric.of(b);
            double cv = metric.of(c);
            if (Double.isNaN(bv) || Double.isNaN(cv)) continue;
            all.add(new Mover(c.id(), c.name(), c.opType(), bv, cv, cv - bv));
        }
        for (NodeMetrics b : baseline.nodes()) if (current.node(b.id()) == null) onlyInBaseline.add(b.id());
        all.sort(Comparator.comparingDouble((Mover m) -> -Math.abs(m.delta())).thenComparing(Mover::id));
        this.movers = List.copyOf(all);
        double cur = current.makespanMicros();
        this.speedup = cur > 0 ? baseline.makespanMicros() / cur : 1;
    }

    public Metric metric() { return metric; }

    /** All common nodes, largest absolute change first. */
    public List<Mover> movers() { return movers; }

    public List<Mover> top(int n) { return movers.subList(0, Math.min(n, movers.size())); }

    /** Baseline end-to-end time over the current one: above 1 means the current run is faster. */
    public double speedup() { return speedup; }

    public List<String> onlyInBaseline() { return onlyInBaseline; }

    public List<String> onlyInCurrent() { return onlyInCurrent; }

    public Overlay overlay() {
        double maxRel = 0;
        for (Mover m : movers) maxRel = Math.max(maxRel, Math.abs(m.relative()));
        Overlay.Builder b = Overlay.builder();
        for (Mover m : movers) {
            double strength = maxRel > 0 ? Math.min(1, Math.abs(m.relative()) / maxRel) : 0;
            String end = m.delta() < 0 ? ColorScale.FASTER_HEX : m.delta() > 0 ? ColorScale.SLOWER_HEX : ColorScale.NEUTRAL_HEX;
            b.fill(m.id(), Colors.mix(ColorScale.argbOf("#f2f2f2"), ColorScale.argbOf(end), 0.25 + 0.75 * strength));
            b.badge(m.id(), (m.delta() <= 0 ? "" : "+") + metric.format(m.delta()));
        }
        for (String id : onlyInCurrent) b.fill(id, ProfileOverlay.argb(ColorScale.NEUTRAL_HEX)).badge(id, "new");
        b.legend("Δ " + metric.label() + " vs baseline (speed-up " + String.format(java.util.Locale.ROOT, "%.2fx", speedup) + ")",
                List.of(new Overlay.LegendEntry("faster", ProfileOverlay.argb(ColorScale.FASTER_HEX)),
                        new Overlay.LegendEntry("unchanged", ProfileOverlay.argb("#f2f2f2")),
                        new Overlay.LegendEntry("slower", ProfileOverlay.argb(ColorScale.SLOWER_HEX))));
        return b.build();
    }
}
