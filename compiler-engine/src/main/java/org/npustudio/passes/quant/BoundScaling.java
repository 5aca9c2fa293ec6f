package org.npustudio.passes.quant;

import java.util.List;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.Tensor;
import org.npustudio.passes.GraphEdits;

/**
 * Keeps a clipping activation exact when equalisation divides its input channel c by s_c:
 * clip(x, lo, hi)/s = clip(x/s, lo/s, hi/s), so the bounds become per-channel tensors [1, C, 1, …].
 * A Clip is rewritten to Max(x, lo) → Min(·, hi) (Clip's bounds must be scalars); an earlier rewrite's
 * Max → Min has its bounds divided again.
 */
final class BoundScaling {
    private BoundScaling() {}

    /**
     * @param bounds the Clip, or the Max and the Min
     * @param s      the divisor of each channel
     * @param rank   rank of the activation (the producing Conv's weight rank)
     */
    static void scale(Model model, List<Node> bounds, double[] s, int rank) {
        Graph g = model.graph();
        if (bounds.size() == 1) {
            Node clip = bounds.get(0);
            String lo = perChannel(g, clip.input(1), s, rank), hi = perChannel(g, clip.input(2), s, rank);
            String mid = fresh(g, clip.output(0) + "_lower_bounded");
            Node max = new Node(model.freshNodeId(clip.id() + "_max"), "", "Max", "", List.of(clip.input(0), lo), List.of(mid));
            Node min = new Node(model.freshNodeId(clip.id() + "_min"), "", "Min", "", List.of(mid, hi), List.of(clip.output(0)));
            max.setName(max.id());
            min.setName(min.id());
            GraphEdits.insertBefore(g, clip, max);
            GraphEdits.insertBefore(g, clip, min);
            g.removeNode(clip);
            for (String bound : List.of(clip.input(1), clip.input(2))) {
                if (g.isInitializer(bound) && g.consumers(bound).isEmpty() && !GraphEdits.isGraphOutput(g, bound)) g.removeInitializer(bound);
            }
        } else {
            for (Node n : bounds) {
                String old = n.input(1);
                n.setInput(1, perChannel(g, old, s, rank));
                if (g.isInitializer(old) && g.consumers(old).isEmpty() && !GraphEdits.isGraphOutput(g, old)) g.removeInitializer(old);
            }
        }
    }

    /** A new initializer: the constant {@code value} (a scalar or per-channel) divided by s per channel. */
    private static String perChannel(Graph g, String value, double[] s, int rank) {
        float[] v = GraphEdits.constant(g, value).toFloats();
        float[] out = new float[s.length];
        for (int c = 0; c < s.length; c++) out[c] = (float) (v[v.length == 1 ? 0 : c] / s[c]);
        long[] dims = new long[rank];
        java.util.Arrays.fill(dims, 1);
        dims[1] = s.length;
        String name = fresh(g, value.replaceAll("(_per_channel)(_\\d+)?$", "") + "_per_channel");
        g.putInitializer(Tensor.ofFloats(name, dims, out));
        return name;
    }

    private static String fresh(Graph g, String base) {
        String name = base;
        for (int i = 1; g.isInitializer(name) || g.producer(name) != null || g.isGraphInput(name); i++) name = base + "_" + i;
        return name;
    }
}
