package org.npustudio.passes.opt;

import java.util.List;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.Shape;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.TypeInfo;
import org.npustudio.passes.BasePass;
import org.npustudio.passes.GraphEdits;
import org.npustudio.passes.PassContext;
import org.npustudio.passes.PassInfo;
import org.npustudio.passes.PassOptions;

/**
 * Removes operators that do nothing at inference time: Identity, Dropout (no training mode, mask
 * unused), Reshape/Flatten to the shape the input already has, Cast to the input's own type,
 * Transpose with the identity permutation, and a Transpose whose input is a Transpose that it undoes
 * (the first one stays while something else reads it). Repeats until nothing more goes.
 */
public final class RemoveIdentitiesPass extends BasePass {
    public static final PassInfo INFO = new PassInfo("remove-identities",
            "remove Identity, inference Dropout, no-op Reshape/Cast/Transpose and cancelling Transpose pairs",
            List.of(), RemoveIdentitiesPass::new);

    public RemoveIdentitiesPass(PassOptions o) {
        super(INFO.name(), o);
    }

    @Override
    public boolean appliesToBodies() { return true; }

    @Override
    public boolean run(Model model, PassContext ctx) {
        Graph g = model.graph();
        boolean changed = false;
        boolean again = true;
        while (again) {
            again = false;
            for (Node n : List.copyOf(g.nodes())) {
                if (n.graph() != g || !GraphEdits.isDefaultDomain(n)) continue;
                ctx.visit(n);
                String source = noOpSource(g, n);
                if (source != null && GraphEdits.bypass(g, n, source)) {
                    ctx.note("removed " + n.opType() + " '" + n.id() + "'");
                    again = changed = true;
                }
            }
        }
        return changed;
    }

    /** The value n passes through unchanged, or null when n is not a no-op. */
    static String noOpSource(Graph g, Node n) {
        String x = n.input(0);
        if (x.isEmpty() || n.outputs().isEmpty()) return null;
        switch (n.opType()) {
            case "Identity":
                return x;
            case "Dropout": {
                if (!n.input(2).isEmpty()) {
                    double training = GraphEdits.scalar(g, n.input(2));
                    if (!(training == 0)) return null;
                }
                return x;
            }
            case "Reshape":
            case "Flatten": {
                Shape in = GraphEdits.shape(g, x);
                Shape out = GraphEdits.shape(g, n.output(0));
                if (in == null || !in.isStatic()) return null;
                if (n.opType().equals("Reshape")) {
                    Tensor target = GraphEdits.constant(g, n.input(1));
                    if (target != null) return sameReshape(in, target.toLongs(), n.attrLong("allowzero", 0) != 0) ? x : null;
                }
                return out != null && out.isStatic() && in.equals(out) ? x : null;
            }
            case "Cast": {
                TypeInfo.TensorType t = GraphEdits.tensorType(g, x);
                long to = n.attrLong("to", -1);
                return t != null && t.elemType() != DataType.UNDEFINED && t.elemType().code() == to ? x : null;
            }
            case "Transpose": {
                long[] perm = perm(g, n);
                if (perm == null) return null;
                if (isIdentity(perm)) return x;
                Node first = GraphEdits.producerOf(g, x, "Transpose");
                if (first == null) return null;
                long[] p1 = perm(g, first);
                if (p1 == null || p1.length != perm.length) return null;
                for (int i = 0; i < perm.length; i++) if (p1[(int) perm[i]] != i) return null;
                return first.input(0);
            }
            default:
                return null;
        }
    }

    private static boolean sameReshape(Shape in, long[] target, boolean allowZero) {
        if (target.length != in.rank()) return false;
        for (int i = 0; i < target.length; i++) {
            long want = target[i] == 0 && !allowZero ? in.dim(i).value() : target[i];
            if (want != in.dim(i).value() && want != -1) return false;
        }
        return true;
    }

    /** Transpose's permutation (default: reversed axes, which needs the rank), or null. */
    static long[] perm(Graph g, Node t) {
        long[] p = t.attrLongs("perm");
        if (p != null) return p;
        Shape s = GraphEdits.shape(g, t.input(0));
        if (s == null) return null;
        p = new long[s.rank()];
        for (int i = 0; i < p.length; i++) p[i] = p.length - 1 - i;
        return p;
    }

    private static boolean isIdentity(long[] perm) {
        for (int i = 0; i < perm.length; i++) if (perm[i] != i) return false;
        return true;
    }
}
