package org.npustudio.passes.opt;

import java.util.List;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.Shape;
import org.npustudio.passes.BasePass;
import org.npustudio.passes.GraphEdits;
import org.npustudio.passes.PassContext;
import org.npustudio.passes.PassInfo;
import org.npustudio.passes.PassOptions;

/**
 * Replaces Add(MatMul(A, B), C) by Gemm(A, B, C) when A and B are 2-D (Gemm is 2-D only) and C
 * broadcasts one way to the [N, M] result ([M], [1, M], [N, 1], [N, M] or a single value), the MatMul
 * result being read by the Add alone. The Gemm is a new node whose provenance is the MatMul and Add.
 */
public final class MatMulAddToGemmPass extends BasePass {
    public static final PassInfo INFO = new PassInfo("matmul-add-to-gemm",
            "turn 2-D MatMul + Add into Gemm", List.of(), MatMulAddToGemmPass::new);

    public MatMulAddToGemmPass(PassOptions o) {
        super(INFO.name(), o);
    }

    @Override
    public boolean appliesToBodies() { return true; }

    @Override
    public boolean run(Model model, PassContext ctx) {
        Graph g = model.graph();
        boolean changed = false;
        for (Node mm : List.copyOf(g.nodes())) {
            if (!GraphEdits.is(mm, "MatMul")) continue;
            ctx.visit(mm);
            Shape a = GraphEdits.shape(g, mm.input(0)), b = GraphEdits.shape(g, mm.input(1));
            if (a == null || b == null || a.rank() != 2 || b.rank() != 2) continue;
            Node add = GraphEdits.soleConsumer(g, mm.output(0));
            if (!GraphEdits.is(add, "Add")) continue;
            String c = add.input(0).equals(mm.output(0)) ? add.input(1) : add.input(0);
            Shape cs = GraphEdits.shape(g, c), out = GraphEdits.shape(g, add.output(0));
            if (cs == null || out == null || out.rank() != 2 || !broadcastsTo(cs, a.dim(0).value(), b.dim(1).value())) continue;
            if (!sameElementType(g, c, mm.output(0))) continue;
            Node gemm = new Node(model.freshNodeId(mm.id() + "_gemm"), "", "Gemm", "",
                    List.of(mm.input(0), mm.input(1), c), List.of(add.output(0)));
            gemm.setName(gemm.id());
            gemm.setAttribute(Attribute.of("alpha", 1f));
            gemm.setAttribute(Attribute.of("beta", 1f));
            gemm.setProvenance(List.of(mm.id(), add.id()));
            GraphEdits.insertBefore(g, add, gemm);
            g.removeNode(mm);
            g.removeNode(add);
            g.removeValueInfo(mm.output(0));
            ctx.note("fused " + mm.id() + " + " + add.id() + " into Gemm " + gemm.id());
            changed = true;
        }
        return changed;
    }

    private static boolean sameElementType(Graph g, String x, String y) {
        var tx = GraphEdits.tensorType(g, x);
        var ty = GraphEdits.tensorType(g, y);
        return tx != null && ty != null && tx.elemType() == ty.elemType();
    }

    private static boolean broadcastsTo(Shape c, long n, long m) {
        if (!c.isStatic() || n < 0 || m < 0 || c.rank() > 2) return false;
        long[] d = c.sizes();
        if (d.length == 0) return true;
        if (d.length == 1) return d[0] == 1 || d[0] == m;
        return (d[0] == 1 || d[0] == n) && (d[1] == 1 || d[1] == m);
    }
}
