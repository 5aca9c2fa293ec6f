package org.npustudio.passes.quant;

import java.util.List;
import java.util.Set;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.Tensor;
import org.npustudio.passes.GraphEdits;

/**
 * Cross-layer equalisation (Nagel et al. 2019): for Conv₁ → f → Conv₂ with f positively homogeneous
 * (f(x/s) = f(x)/s for s &gt; 0: none, Relu, LeakyRelu, PRelu), output channel i of Conv₁ is divided by
 * s_i = √(r1_i / r2_i) and input channel i of Conv₂ multiplied by it (r = max |w| of that channel), which
 * leaves the fp32 outputs unchanged and gives both channels the range √(r1_i·r2_i), so per-channel scales
 * of depthwise-separable networks stop wasting levels on tiny channels. Clip/Relu6 with constant bounds is
 * kept exact by carrying the bounds per channel: Clip(x, lo, hi) becomes Max(x, lo/s) → Min(·, hi/s) with
 * [1, C, 1, …] bound tensors (clip(x, lo, hi)/s = clip(x/s, lo/s, hi/s) for s &gt; 0), rescaled again in later
 * sweeps. HardSwish, HardSigmoid, Sigmoid, Tanh and FusedConv with such an activation are skipped: not
 * homogeneous, so equalising there would change the network. Up to four sweeps.
 */
final class Equalizer {
    private static final Set<String> HOMOGENEOUS = Set.of("Relu", "LeakyRelu", "PRelu");
    private static final Set<String> CLIPPING = Set.of("Clip", "HardSigmoid", "HardSwish", "Sigmoid", "Tanh");
    /** Elementwise bounds that scale with the channel: Max/Min with a constant bound, as Clip is rewritten to. */
    private static final Set<String> BOUNDS = Set.of("Max", "Min");

    private Equalizer() {}

    static void equalize(Model model, QuantizationReport report) {
        Graph g = model.graph();
        int pairs = 0, skipped = 0;
        for (int sweep = 0; sweep < 4; sweep++) {
            pairs = 0;
            skipped = 0;
            for (Node second : List.copyOf(g.nodes())) {
                if (!isConv(second)) continue;
                Node first = g.producer(second.input(0));
                if (first == null) continue;
                Node act = null;
                List<Node> bounds = List.of();
                if (!isConv(first)) {
                    if (first.inputs().isEmpty()) continue;
                    act = first;
                    first = g.producer(act.input(0));
                    if (first != null && act.opType().equals("Min") && first.opType().equals("Max")) { // a Clip rewritten earlier
                        bounds = List.of(first, act);
                        first = g.producer(first.input(0));
                    } else if (act.opType().equals("Clip") && clipBounds(g, act)) {
                        bounds = List.of(act);
                    } else if (BOUNDS.contains(act.opType())) {
                        continue;
                    }
                    if (first == null || !isConv(first)) continue;
                    if (!GraphEdits.isDefaultDomain(act) || !HOMOGENEOUS.contains(act.opType()) && bounds.isEmpty()) {
                        if (CLIPPING.contains(act.opType())) skipped++;
                        continue;
                    }
                    if (!bounds.isEmpty() && !privateChain(g, bounds)) continue;
                }
                String fused = first.attrString("activation", "");
                if (!fused.isEmpty() && !HOMOGENEOUS.contains(fused)) {
                    skipped++;
                    continue;
                }
                if (act != null && act.opType().equals("PRelu") && GraphEdits.constant(g, act.input(1)) == null) continue;
                double[] s = scale(g, first, act, second);
                if (s == null) continue;
                pairs++;
                if (!bounds.isEmpty()) BoundScaling.scale(model, bounds, s, g.initializers().get(first.input(1)).dims().length);
            }
        }
        report.setEqualization(pairs, skipped);
    }

    private static boolean isConv(Node n) {
        return n.opType().equals("Conv") && GraphEdits.isDefaultDomain(n)
                || n.opType().equals("FusedConv") && !GraphEdits.isDefaultDomain(n);
    }

    /** Clip with constant scalar min and max (both given). */
    private static boolean clipBounds(Graph g, Node clip) {
        if (clip.inputs().size() < 3 || clip.input(1).isEmpty() || clip.input(2).isEmpty()) return false;
        Tensor lo = GraphEdits.constant(g, clip.input(1)), hi = GraphEdits.constant(g, clip.input(2));
        return lo != null && hi != null && lo.elementCount() == 1 && hi.elementCount() == 1
                && lo.dataType() == DataType.FLOAT && hi.dataType() == DataType.FLOAT;
    }

    /** Max → Min: the Max's output read only by the Min, and both bounds constant. */
    private static boolean privateChain(Graph g, List<Node> bounds) {
        if (bounds.size() == 1) return true;
        Node max = bounds.get(0), min = bounds.get(1);
        return g.consumers(max.output(0)).size() == 1 && !GraphEdits.isGraphOutput(g, max.output(0))
                && GraphEdits.constant(g, max.input(1)) != null && GraphEdits.constant(g, min.input(1)) != null;
    }

    /** Rescales one pair in place; the per-channel divisors, or null when the pair is not a private chain of constant float weights. */
    private static double[] scale(Graph g, Node first, Node act, Node second) {
        String out1 = first.output(0);
        if (g.consumers(out1).size() != 1 || GraphEdits.isGraphOutput(g, out1)) return null;
        if (act != null && (g.consumers(act.output(0)).size() != 1 || GraphEdits.isGraphOutput(g, act.output(0)))) return null;
        Tensor w1 = own(g, first, 1), w2 = own(g, second, 1);
        if (w1 == null || w2 == null) return null;
        boolean hasBias = first.inputs().size() >= 3 && !first.input(2).isEmpty();
        Tensor b1 = hasBias ? own(g, first, 2) : null;
        if (hasBias && b1 == null) return null;
        long[] d1 = w1.dims(), d2 = w2.dims();
        int channels = (int) d1[0];
        long group2 = second.attrLong("group", 1);
        int perGroupIn = (int) d2[1], perGroupOut = (int) (d2[0] / group2);
        if (perGroupIn * group2 != channels) return null;
        float[] v1 = w1.toFloats(), v2 = w2.toFloats();
        long inner1 = WeightQuant.inner(d1, 0), inner2 = WeightQuant.inner(d2, 1);
        double[] r1 = new double[channels], r2 = new double[channels];
        for (int i = 0; i < v1.length; i++) r1[(int) (i / inner1)] = Math.max(r1[(int) (i / inner1)], Math.abs(v1[i]));
        int[] inChannel = new int[v2.length];
        for (int i = 0; i < v2.length; i++) {
            int o = (int) (i / inner2 / perGroupIn), j = (int) ((i / inner2) % perGroupIn);
            inChannel[i] = (o / perGroupOut) * perGroupIn + j;
            r2[inChannel[i]] = Math.max(r2[inChannel[i]], Math.abs(v2[i]));
        }
        double[] s = new double[channels];
        for (int c = 0; c < channels; c++) s[c] = r1[c] > 0 && r2[c] > 0 ? Math.sqrt(r1[c] / r2[c]) : 1;
        for (int i = 0; i < v1.length; i++) v1[i] /= s[(int) (i / inner1)];
        for (int i = 0; i < v2.length; i++) v2[i] *= s[inChannel[i]];
        g.putInitializer(Tensor.ofFloats(w1.name(), d1, v1));
        g.putInitializer(Tensor.ofFloats(w2.name(), d2, v2));
        if (b1 != null) {
            float[] b = b1.toFloats();
            for (int c = 0; c < b.length; c++) b[c] /= s[c];
            g.putInitializer(Tensor.ofFloats(b1.name(), b1.dims(), b));
        }
        return s;
    }

    /** n's input {@code i} when it is a float initializer only n reads, else null. */
    private static Tensor own(Graph g, Node n, int i) {
        String name = n.input(i);
        if (!g.isInitializer(name) || g.consumers(name).size() != 1) return null;
        Tensor t = g.initializers().get(name);
        return t.dataType() == DataType.FLOAT ? t : null;
    }
}
