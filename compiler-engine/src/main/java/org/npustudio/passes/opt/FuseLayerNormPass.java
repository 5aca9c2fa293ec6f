package org.npustudio.passes.opt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.Shape;
import org.npustudio.ir.Tensor;
import org.npustudio.legalize.FusedOps;
import org.npustudio.legalize.PatternOps;
import org.npustudio.passes.BasePass;
import org.npustudio.passes.GraphEdits;
import org.npustudio.passes.PassContext;
import org.npustudio.passes.PassInfo;
import org.npustudio.passes.PassOptions;

/**
 * Recognises LayerNorm as exporters write it over the trailing axes:
 * mean = ReduceMean(x); d = x - mean; var = ReduceMean(d^2) (Pow(d, 2) or d*d); y = d / Sqrt(var + eps)
 * * gamma + beta (beta optional), and replaces it by one LayerNormalization node (opset ≥ 17; before,
 * org.npustudio.LayerNormalization, expanded back by the legalizer) with provenance to every matched node.
 */
public final class FuseLayerNormPass extends BasePass {
    public static final PassInfo INFO = new PassInfo("fuse-layernorm",
            "recognise the ReduceMean/Sub/Pow/ReduceMean/Add/Sqrt/Div/Mul/Add pattern as LayerNormalization",
            List.of(), FuseLayerNormPass::new);

    public FuseLayerNormPass(PassOptions o) {
        super(INFO.name(), o);
    }

    @Override
    public boolean appliesToBodies() { return true; }

    @Override
    public boolean run(Model model, PassContext ctx) {
        Graph g = model.graph();
        long opset = GraphEdits.opset(model);
        boolean changed = false;
        for (Node mean : List.copyOf(g.nodes())) {
            if (mean.graph() != g || !GraphEdits.is(mean, "ReduceMean")) continue;
            ctx.visit(mean);
            String x = mean.input(0);
            long[] axes = trailingAxes(g, mean, x, opset);
            if (axes == null) continue;
            List<Node> m = new ArrayList<>(List.of(mean));
            Node sub = Patterns.next(g, mean, "Sub");
            if (sub == null || !sub.input(0).equals(x) || !sub.input(1).equals(mean.output(0))) continue;
            m.add(sub);
            String d = sub.output(0);
            List<Node> readers = g.consumers(d).stream().distinct().toList();
            if (readers.size() != 2 || GraphEdits.isGraphOutput(g, d)) continue;
            Node sq = null, div = null;
            for (Node r : readers) {
                if (GraphEdits.is(r, "Pow") && r.input(0).equals(d) && Patterns.isConst(g, r.input(1), 2)) sq = r;
                else if (GraphEdits.is(r, "Mul") && r.input(0).equals(d) && r.input(1).equals(d)) sq = r;
                else if (GraphEdits.is(r, "Div") && r.input(0).equals(d)) div = r;
            }
            if (sq == null || div == null) continue;
            m.add(sq);
            Node var = Patterns.next(g, sq, "ReduceMean");
            if (var == null || !Arrays.equals(trailingAxes(g, var, sq.output(0), opset), axes)) continue;
            m.add(var);
            Node addEps = Patterns.next(g, var, "Add");
            String epsV = addEps == null ? null : Patterns.other(addEps, var.output(0));
            double eps = epsV == null ? Double.NaN : GraphEdits.scalar(g, epsV);
            if (Double.isNaN(eps)) continue;
            m.add(addEps);
            Node sqrt = Patterns.next(g, addEps, "Sqrt");
            if (sqrt == null || GraphEdits.soleConsumer(g, sqrt.output(0)) != div || !div.input(1).equals(sqrt.output(0))) continue;
            m.add(sqrt);
            m.add(div);
            Node mul = Patterns.next(g, div, "Mul");
            String gamma = mul == null ? null : Patterns.other(mul, div.output(0));
            if (gamma == null || !fitsNormalized(g, gamma, x, axes)) continue;
            m.add(mul);
            Node add = Patterns.next(g, mul, "Add");
            String beta = add == null ? null : Patterns.other(add, mul.output(0));
            if (beta != null && fitsNormalized(g, beta, x, axes)) m.add(add);
            else beta = null;
            Node last = m.get(m.size() - 1);
            boolean standard = opset >= 17;
            List<String> in = beta == null ? List.of(x, gamma) : List.of(x, gamma, beta);
            Node ln = new Node(model.freshNodeId(last.id() + "_layernorm"), "", PatternOps.LAYER_NORM,
                    standard ? "" : FusedOps.DOMAIN, in, List.of(last.output(0)));
            ln.setName(ln.id());
            ln.setAttribute(Attribute.of("axis", axes[0]));
            ln.setAttribute(Attribute.of("epsilon", (float) eps));
            ln.setProvenance(m.stream().map(Node::id).toList());
            GraphEdits.insertBefore(g, last, ln);
            Patterns.removeAll(g, m);
            if (!standard) GraphEdits.ensureOpset(model, FusedOps.DOMAIN, 1);
            ctx.note("LayerNorm from " + m.size() + " nodes as " + ln.id());
            changed = true;
        }
        return changed;
    }

    /** ReduceMean's axes as negative numbers when they are the trailing axes with keepdims, else null. */
    private static long[] trailingAxes(Graph g, Node r, String x, long opset) {
        if (r.attrLong("keepdims", 1) != 1) return null;
        long[] axes;
        if (opset >= 18) {
            Tensor t = GraphEdits.constant(g, r.input(1));
            axes = t == null ? null : t.toLongs();
        } else {
            axes = r.attrLongs("axes");
        }
        if (axes == null || axes.length == 0) return null;
        Shape s = GraphEdits.shape(g, x);
        long[] neg = new long[axes.length];
        for (int i = 0; i < axes.length; i++) {
            if (axes[i] >= 0 && s == null) return null;
            neg[i] = axes[i] >= 0 ? axes[i] - s.rank() : axes[i];
        }
        Arrays.sort(neg);
        for (int i = 0; i < neg.length; i++) if (neg[i] != i - neg.length) return null;
        return neg;
    }

    /** A constant whose shape is exactly the normalized trailing dims (what LayerNormalization takes). */
    private static boolean fitsNormalized(Graph g, String v, String x, long[] axes) {
        Tensor t = GraphEdits.constant(g, v);
        Shape s = GraphEdits.shape(g, x);
        if (t == null || s == null) return false;
        long[] d = t.dims();
        if (d.length != axes.length) return false;
        for (int i = 0; i < d.length; i++) if (d[i] != s.dim(s.rank() + (int) axes[i]).value()) return false;
        return true;
    }
}
