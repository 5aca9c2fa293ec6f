package org.npustudio.shape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Dim;
import org.npustudio.ir.Shape;

/** MatMul (numpy matmul: 1-D promotion, broadcast batch dims) and Gemm (2-D with transA/transB). */
final class MatMulShapes {
    private MatMulShapes() {}

    static void register(Map<String, ShapeRule> m) {
        m.put("MatMul", c -> c.setOutput(0, c.elemType(0), matmul(c, c.shape(0), c.shape(1))));
        m.put("MatMulInteger", c -> c.setOutput(0, DataType.INT32, matmul(c, c.shape(0), c.shape(1))));
        m.put("QLinearMatMul", c -> c.setOutput(0, c.elemType(7), matmul(c, c.shape(0), c.shape(3))));
        m.put("Gemm", MatMulShapes::gemm);
    }

    static Shape matmul(InferenceContext c, Shape a, Shape b) throws ShapeInferenceException {
        if (a == null || b == null) return null;
        if (a.rank() == 0 || b.rank() == 0) throw c.fail("MatMul inputs must have rank 1 or more");
        // A 1-D left operand is a row vector, a 1-D right operand a column vector; both extra dims are dropped.
        List<Dim> ad = new ArrayList<>(a.dims());
        List<Dim> bd = new ArrayList<>(b.dims());
        if (ad.size() == 1) ad.add(0, Dim.of(1));
        if (bd.size() == 1) bd.add(Dim.of(1));
        Dim k1 = ad.get(ad.size() - 1);
        Dim k2 = bd.get(bd.size() - 2);
        if (k1.isKnown() && k2.isKnown() && k1.value() != k2.value()) {
            throw c.fail("inner dimensions differ: " + a + " x " + b);
        }
        Shape batch = BroadcastShapes.broadcast(List.of(Shape.of(ad.subList(0, ad.size() - 2)),
                Shape.of(bd.subList(0, bd.size() - 2))), c);
        List<Dim> out = new ArrayList<>(batch.dims());
        if (a.rank() > 1) out.add(ad.get(ad.size() - 2));
        if (b.rank() > 1) out.add(bd.get(bd.size() - 1));
        return Shape.of(out);
    }

    private static void gemm(InferenceContext c) throws ShapeInferenceException {
        Shape a = c.shape(0);
        Shape b = c.shape(1);
        if (a == null || b == null) {
            c.setOutput(0, c.elemType(0), null);
            return;
        }
        if (a.rank() != 2 || b.rank() != 2) throw c.fail("Gemm needs 2-D A and B, got " + a + " and " + b);
        boolean ta = c.attr("transA", 0) != 0;
        boolean tb = c.attr("transB", 0) != 0;
        Dim m = a.dim(ta ? 1 : 0);
        Dim k1 = a.dim(ta ? 0 : 1);
        Dim k2 = b.dim(tb ? 1 : 0);
        Dim n = b.dim(tb ? 0 : 1);
        if (k1.isKnown() && k2.isKnown() && k1.value() != k2.value()) {
            throw c.fail("inner dimensions differ: A " + a + (ta ? " (transposed)" : "") + ", B " + b
                    + (tb ? " (transposed)" : ""));
        }
        c.setOutput(0, c.elemType(0), Shape.of(List.of(m, n)));
    }
}
