package org.npustudio.passes.opt;

import java.util.List;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.Tensor;
import org.npustudio.passes.BasePass;
import org.npustudio.passes.GraphEdits;
import org.npustudio.passes.PassContext;
import org.npustudio.passes.PassContract;
import org.npustudio.passes.PassInfo;
import org.npustudio.passes.PassOptions;

/**
 * Merges a constant-mode Pad of the spatial axes into the Conv, AveragePool or MaxPool reading it.
 * Conv and AveragePool take a zero pad (AveragePool then counts padded zeros, so it must already, or
 * have no padding of its own, and becomes count_include_pad=1); MaxPool takes a -inf pad only, as
 * its own padding ignores padded cells. Pads on batch or channel axes, negative pads, Pad's axes
 * input and auto_pad nodes are left alone.
 */
public final class MergePadPass extends BasePass {
    public static final PassInfo INFO = new PassInfo("merge-pad",
            "merge a constant Pad into the following Conv, AveragePool or MaxPool", List.of(), MergePadPass::new);

    public MergePadPass(PassOptions o) {
        super(INFO.name(), o);
    }

    @Override
    public PassContract contract() { return PassContract.requires(PassContract.NO_FUSED_OPS); }

    @Override
    public boolean appliesToBodies() { return true; }

    @Override
    public boolean run(Model model, PassContext ctx) {
        Graph g = model.graph();
        long opset = GraphEdits.opset(model);
        boolean changed = false;
        for (Node pad : List.copyOf(g.nodes())) {
            if (!GraphEdits.is(pad, "Pad") || !pad.attrString("mode", "constant").equals("constant")) continue;
            ctx.visit(pad);
            Node q = GraphEdits.soleConsumer(g, pad.output(0));
            if (q == null || !q.input(0).equals(pad.output(0))) continue;
            boolean conv = GraphEdits.is(q, "Conv"), avg = GraphEdits.is(q, "AveragePool"), max = GraphEdits.is(q, "MaxPool");
            if (!conv && !avg && !max) continue;
            if (!q.attrString("auto_pad", "NOTSET").equals("NOTSET")) continue;
            long[] pads;
            double value;
            if (opset >= 11) {
                Tensor p = GraphEdits.constant(g, pad.input(1));
                if (p == null || !pad.input(3).isEmpty()) continue;
                pads = p.toLongs();
                value = pad.input(2).isEmpty() ? 0 : GraphEdits.scalar(g, pad.input(2));
            } else {
                pads = pad.attrLongs("pads");
                value = pad.attrFloat("value", 0f);
                if (pads == null) continue;
            }
            if (Double.isNaN(value)) continue;
            if ((conv || avg) && value != 0) continue;
            if (max && value != Double.NEGATIVE_INFINITY) continue;
            long[] merged = merge(pads, q);
            if (merged == null) continue;
            if (avg && q.attrLong("count_include_pad", 0) == 0) {
                long[] own = q.attrLongs("pads");
                if (own != null && java.util.Arrays.stream(own).anyMatch(x -> x != 0)) continue;
                q.setAttribute(Attribute.of("count_include_pad", 1L));
            }
            q.setAttribute(Attribute.of("pads", merged));
            GraphEdits.absorb(q, pad);
            g.removeNode(pad);
            q.setInput(0, pad.input(0));
            g.removeValueInfo(pad.output(0));
            ctx.note("merged " + pad.id() + " into " + q.id());
            changed = true;
        }
        return changed;
    }

    /** q's pads plus Pad's spatial pads ([x1_begin, x2_begin, ..., x1_end, ...]), or null when not mergeable. */
    private static long[] merge(long[] pads, Node q) {
        int rank = pads.length / 2;
        int spatial = rank - 2;
        if (spatial < 1 || pads.length % 2 != 0) return null;
        for (long p : pads) if (p < 0) return null;
        if (pads[0] != 0 || pads[1] != 0 || pads[rank] != 0 || pads[rank + 1] != 0) return null;
        long[] own = q.attrLongs("pads");
        if (own == null) own = new long[2 * spatial];
        if (own.length != 2 * spatial) return null;
        long[] out = own.clone();
        for (int i = 0; i < spatial; i++) {
            out[i] += pads[2 + i];
            out[spatial + i] += pads[rank + 2 + i];
        }
        return out;
    }
}
