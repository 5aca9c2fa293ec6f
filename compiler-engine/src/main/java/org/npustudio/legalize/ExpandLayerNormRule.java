package org.npustudio.legalize;

import java.util.List;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.Shape;
import org.npustudio.ir.TypeInfo;

/**
 * org.npustudio.LayerNormalization → LayerNormalization (opset ≥ 17), else
 * ReduceMean/Sub/Mul/ReduceMean/Add/Sqrt/Div/Mul/Add over the normalized axes (axes as ReduceMean's
 * input from opset 18, as its attribute before).
 */
public final class ExpandLayerNormRule implements LegalizationRule {
    @Override public String name() { return "expand-layer-norm"; }

    @Override
    public String description() {
        return "org.npustudio.LayerNormalization becomes LayerNormalization from opset 17, else its ReduceMean/Sub/.../Add formula";
    }

    @Override
    public boolean appliesTo(Node node, Model model) {
        return PatternOps.is(node.domain(), node.opType(), PatternOps.LAYER_NORM);
    }

    @Override
    public void rewrite(Node node, Graph graph, Model model) {
        RuleSupport s = new RuleSupport(graph, model, node);
        long axis = node.attrLong("axis", -1);
        float eps = node.attrFloat("epsilon", 1e-5f);
        String x = node.input(0), scale = node.input(1), bias = node.input(2), y = node.output(0);
        if (s.opset() >= 17) {
            s.emit("LayerNormalization", "", node.inputs(), List.of(y), false, Attribute.of("axis", axis), Attribute.of("epsilon", eps));
            s.commit();
            return;
        }
        long[] axes = axes(graph, x, axis);
        String mean = s.freshValue(y + "_mean"), d = s.freshValue(y + "_centered"), sq = s.freshValue(y + "_squared");
        String var = s.freshValue(y + "_var"), ve = s.freshValue(y + "_var_eps"), sd = s.freshValue(y + "_std");
        String norm = s.freshValue(y + "_normalized"), scaled = bias.isEmpty() ? y : s.freshValue(y + "_scaled");
        reduceMean(s, x, mean, axes);
        s.emit("Sub", "", List.of(x, mean), List.of(d), false);
        s.emit("Mul", "", List.of(d, d), List.of(sq), false);
        reduceMean(s, sq, var, axes);
        s.emit("Add", "", List.of(var, s.scalar(y + "_epsilon", eps)), List.of(ve), false);
        s.emit("Sqrt", "", List.of(ve), List.of(sd), false);
        s.emit("Div", "", List.of(d, sd), List.of(norm), false);
        s.emit("Mul", "", List.of(norm, scale), List.of(scaled), false);
        if (!bias.isEmpty()) s.emit("Add", "", List.of(scaled, bias), List.of(y), false);
        s.commit();
    }

    private static void reduceMean(RuleSupport s, String in, String out, long[] axes) {
        if (s.opset() >= 18) {
            s.emit("ReduceMean", "", List.of(in, s.int64s(out + "_axes", axes)), List.of(out), false, Attribute.of("keepdims", 1L));
        } else {
            s.emit("ReduceMean", "", List.of(in), List.of(out), false, Attribute.of("axes", axes), Attribute.of("keepdims", 1L));
        }
    }

    /** The normalized axes [axis, rank): negative forms work without knowing the rank. */
    private static long[] axes(Graph g, String x, long axis) {
        if (axis < 0) {
            long[] a = new long[(int) -axis];
            for (int i = 0; i < a.length; i++) a[i] = axis + i;
            return a;
        }
        TypeInfo t = g.typeOf(x);
        Shape sh = t instanceof TypeInfo.TensorType tt ? tt.shape() : null;
        if (sh == null) throw new IllegalArgumentException("LayerNormalization with axis " + axis + " on a value of unknown rank");
        long[] a = new long[(int) (sh.rank() - axis)];
        for (int i = 0; i < a.length; i++) a[i] = axis + i;
        return a;
    }
}
