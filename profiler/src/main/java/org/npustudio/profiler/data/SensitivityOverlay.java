package org.npustudio.profiler.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.npustudio.graphview.scene.Overlay;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;
import org.npustudio.passes.quant.sensitivity.SensitivityResult;
import org.npustudio.plan.Precision;

/**
 * Quantization sensitivity on the graph: each analysed layer filled by its output SQNR with only that layer at
 * {@code precision} — the sequential scale reversed, so the darkest node is the most sensitive (lowest dB) —
 * with the dB as badge; nodes that are not quantizable layers are neutral.
 */
public final class SensitivityOverlay {
    private SensitivityOverlay() {}

    public static Overlay of(SensitivityResult r, Precision precision, Graph g) {
        Map<String, Double> db = r.byNode(precision);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : db.values()) {
            if (!Double.isFinite(v)) continue;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (lo > hi) lo = hi = 0;
        ColorScale scale = new ColorScale(-hi, -lo, false); // negated: low dB = far end = dark
        int neutral = ColorScale.argbOf(ColorScale.NEUTRAL_HEX);
        Overlay.Builder b = Overlay.builder();
        for (Node n : g.nodes()) {
            Double v = db.get(n.id());
            if (v == null) {
                b.fill(n.id(), neutral);
            } else {
                b.fill(n.id(), Double.isFinite(v) ? scale.argb(-v) : ColorScale.argbOf(ColorScale.SEQUENTIAL_HEX[0]));
                b.badge(n.id(), Double.isInfinite(v) ? "exact" : String.format(Locale.ROOT, "%.1f dB", v));
            }
        }
        List<Overlay.LegendEntry> entries = new ArrayList<>();
        int stops = ColorScale.SEQUENTIAL_HEX.length;
        for (int i = 0; i < stops; i++) {
            entries.add(new Overlay.LegendEntry(String.format(Locale.ROOT, "%.1f dB", -scale.valueAt((double) i / (stops - 1))),
                    ColorScale.argbOf(ColorScale.SEQUENTIAL_HEX[i])));
        }
        entries.add(new Overlay.LegendEntry("not quantized", neutral));
        b.legend("output SQNR with only this layer at " + precision.key() + " (dark = sensitive)", entries);
        return b.build();
    }
}
