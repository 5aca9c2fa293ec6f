package org.npustudio.shape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Dim;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Shape;
import org.npustudio.ir.TypeInfo;
import org.npustudio.ir.ValueInfo;

/**
 * If, Loop and Scan: their bodies are inferred as subgraphs that see the enclosing scope (types and
 * folded constants), and the node's outputs follow from the bodies' outputs. A constant If condition
 * picks the branch (the other is recorded as dead and not inferred); otherwise both are inferred and
 * their output types merged (dims that differ become unknown).
 */
final class ControlFlowShapes {
    private ControlFlowShapes() {}

    static boolean handles(String opType) {
        return opType.equals("If") || opType.equals("Loop") || opType.equals("Scan");
    }

    static void infer(InferenceContext c) throws ShapeInferenceException {
        switch (c.node().opType()) {
            case "If" -> inferIf(c);
            case "Loop" -> inferLoop(c);
            default -> inferScan(c);
        }
    }

    private static List<TypeInfo> body(InferenceContext c, String attr, List<TypeInfo> inputs) throws ShapeInferenceException {
        Attribute a = c.node().attribute(attr);
        if (a == null || a.kind() != Attribute.Kind.GRAPH) throw c.fail("attribute '" + attr + "' (a graph) is missing");
        return ShapeInference.inferSubgraph(c.model(), (Graph) a.value(), c.scopeTypes(), c.constants(), inputs, c.report());
    }

    private static void inferIf(InferenceContext c) throws ShapeInferenceException {
        long[] cond = c.constLongs(0);
        Boolean taken = cond != null && cond.length == 1 ? cond[0] != 0 : null;
        // A branch a constant condition never takes is left alone: exporters guard rank-specific code
        // (squeeze a dim of size 1 only when it is 1) with such Ifs, so it may not even be valid here.
        List<TypeInfo> then = taken == Boolean.FALSE ? dead(c, "then_branch") : body(c, "then_branch", List.of());
        List<TypeInfo> otherwise = taken == Boolean.TRUE ? dead(c, "else_branch") : body(c, "else_branch", List.of());
        for (int i = 0; i < c.outputCount(); i++) {
            TypeInfo a = i < then.size() ? then.get(i) : null;
            TypeInfo b = i < otherwise.size() ? otherwise.get(i) : null;
            c.setOutputType(i, taken == null ? merge(a, b) : taken ? a : b);
        }
    }

    private static List<TypeInfo> dead(InferenceContext c, String branch) {
        if (c.report() != null) c.report().addDeadBranch(new ShapeInferenceReport.DeadBranch(c.node().id(), branch));
        return List.of();
    }

    /** Inputs M, cond, v_initial…; body (iter, cond, v…) → (cond, v…, scan…); outputs v_final…, scans stacked. */
    private static void inferLoop(InferenceContext c) throws ShapeInferenceException {
        int carried = Math.max(0, c.inputCount() - 2);
        List<TypeInfo> in = new ArrayList<>();
        in.add(TypeInfo.tensor(DataType.INT64, Shape.SCALAR));
        in.add(TypeInfo.tensor(DataType.BOOL, Shape.SCALAR));
        for (int i = 0; i < carried; i++) in.add(c.inputTypeInfo(2 + i));
        Graph body = (Graph) c.node().attribute("body").value();
        List<ValueInfo> declaredInfos = body.valueInfos();
        List<ValueInfo> declaredOutputs = List.copyOf(body.outputs());
        List<TypeInfo> out = body(c, "body", in);
        // A carried value whose shape changes between iterations: infer again with the dims that
        // change unknown, from the body's declarations (not from what the first pass wrote).
        List<TypeInfo> general = new ArrayList<>(in);
        for (int i = 0; i < carried; i++) general.set(2 + i, merge(in.get(2 + i), 1 + i < out.size() ? out.get(1 + i) : null));
        if (!general.equals(in)) {
            for (ValueInfo v : body.valueInfos()) body.removeValueInfo(v.name());
            declaredInfos.forEach(body::putValueInfo);
            body.setOutputs(declaredOutputs);
            out = body(c, "body", general);
        }
        Dim trips = tripCount(c);
        for (int i = 0; i < c.outputCount(); i++) {
            TypeInfo b = 1 + i < out.size() ? out.get(1 + i) : null;
            if (i < carried) {
                TypeInfo initial = general.get(2 + i);
                c.setOutputType(i, b == null ? initial : initial == null ? b : merge(initial, b));
            } else if (b instanceof TypeInfo.TensorType t) {
                c.setOutput(i, t.elemType(), prepend(trips, t.shape()));
            }
        }
    }

    /** M when the loop cannot stop early (no condition input, or a constant true one), else unknown. */
    private static Dim tripCount(InferenceContext c) {
        long[] m = c.hasInput(0) ? c.constLongs(0) : null;
        if (m == null || m.length != 1 || m[0] < 0) return Dim.UNKNOWN;
        if (!c.hasInput(1)) return Dim.of(m[0]);
        long[] cond = c.constLongs(1);
        Graph body = (Graph) c.node().attribute("body").value();
        boolean passesCondThrough = body.inputs().size() > 1 && body.outputs().size() > 0
                && body.outputs().get(0).name().equals(body.inputs().get(1).name());
        return cond != null && cond.length == 1 && cond[0] != 0 && passesCondThrough ? Dim.of(m[0]) : Dim.UNKNOWN;
    }

    /** Opset 9+: inputs are N states then M scan inputs; the body sees one slice of each scan input. */
    private static void inferScan(InferenceContext c) throws ShapeInferenceException {
        if (c.opset() < 9) throw c.fail("Scan before opset 9 (batched, with sequence_lens) has no shape rule");
        int m = (int) c.attr("num_scan_inputs", 0);
        int n = c.inputCount() - m;
        long[] inAxes = axes(c.ints("scan_input_axes"), m);
        List<TypeInfo> in = new ArrayList<>();
        Dim seq = Dim.UNKNOWN;
        for (int i = 0; i < n; i++) in.add(c.inputTypeInfo(i));
        for (int j = 0; j < m; j++) {
            TypeInfo.TensorType t = c.inputType(n + j);
            if (t == null || t.shape() == null) {
                in.add(t);
                continue;
            }
            int axis = (int) (inAxes[j] < 0 ? inAxes[j] + t.shape().rank() : inAxes[j]);
            if (axis < 0 || axis >= t.shape().rank()) throw c.fail("scan_input_axes " + inAxes[j] + " is out of range");
            if (!seq.isKnown()) seq = t.shape().dim(axis);
            List<Dim> ds = new ArrayList<>(t.shape().dims());
            ds.remove(axis);
            in.add(TypeInfo.tensor(t.elemType(), Shape.of(ds)));
        }
        List<TypeInfo> out = body(c, "body", in);
        long[] outAxes = axes(c.ints("scan_output_axes"), Math.max(0, c.outputCount() - n));
        for (int i = 0; i < c.outputCount(); i++) {
            TypeInfo b = i < out.size() ? out.get(i) : null;
            if (i < n) {
                c.setOutputType(i, b != null ? b : c.inputTypeInfo(i));
            } else if (b instanceof TypeInfo.TensorType t && t.shape() != null) {
                int rank = t.shape().rank() + 1;
                long ax = outAxes[i - n];
                int axis = (int) (ax < 0 ? ax + rank : ax);
                List<Dim> ds = new ArrayList<>(t.shape().dims());
                ds.add(Math.max(0, Math.min(axis, ds.size())), seq);
                c.setOutput(i, t.elemType(), Shape.of(ds));
            }
        }
    }

    private static long[] axes(long[] given, int count) {
        return given != null && given.length == count ? given : new long[count];
    }

    private static Shape prepend(Dim d, Shape s) {
        if (s == null) return null;
        List<Dim> ds = new ArrayList<>(s.rank() + 1);
        ds.add(d);
        ds.addAll(s.dims());
        return Shape.of(ds);
    }

    /** What both of two types say: same kind and element type, dims equal where they agree. */
    static TypeInfo merge(TypeInfo a, TypeInfo b) {
        if (a == null) return b;
        if (b == null || a.equals(b)) return a;
        if (!(a instanceof TypeInfo.TensorType x) || !(b instanceof TypeInfo.TensorType y)) return a;
        DataType elem = x.elemType() == null || x.elemType() == DataType.UNDEFINED ? y.elemType() : x.elemType();
        if (x.shape() == null || y.shape() == null || x.shape().rank() != y.shape().rank()) {
            return TypeInfo.tensor(elem, x.shape() == null ? y.shape() : y.shape() == null ? x.shape() : null);
        }
        Dim[] ds = new Dim[x.shape().rank()];
        for (int i = 0; i < ds.length; i++) {
            Dim p = x.shape().dim(i), q = y.shape().dim(i);
            ds[i] = p.equals(q) ? p : Dim.UNKNOWN;
        }
        return TypeInfo.tensor(elem, Shape.of(Arrays.asList(ds)));
    }

}
