package org.npustudio.shape;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.OpsetId;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.TypeInfo;
import org.npustudio.ir.ValueInfo;
import org.npustudio.shape.ShapeInferenceReport.NodeResult;
import org.npustudio.shape.ShapeInferenceReport.Status;

/**
 * ONNX shape and element-type inference over the IR. Walks a graph in topological order, applies the
 * rule registered for each operator ({@link ShapeRules}), folds small integer tensors along the way so
 * shape-computing subgraphs resolve ({@link ConstantPropagation}), and records every result in the
 * graph's value_info (graph outputs are updated in place). Never throws on a node: unknown operators
 * and inconsistent nodes are listed in the returned report.
 */
public final class ShapeInference {
    /** Opset assumed for a node whose domain the model does not import. */
    static final long LATEST_OPSET = 25;

    private ShapeInference() {}

    /** Operator types (default ONNX domain) that have a shape rule. */
    public static java.util.Set<String> supportedOperators() {
        return ShapeRules.operators();
    }

    public static ShapeInferenceReport infer(Model model) {
        return infer(model, model.graph());
    }

    public static ShapeInferenceReport infer(Model model, Graph graph) {
        return infer(model, graph, Map.of());
    }

    /**
     * Infers with some graph inputs pinned to known values: their values then count as constants,
     * which resolves shapes that otherwise depend on runtime data (e.g. a Reshape target fed as input).
     */
    public static ShapeInferenceReport infer(Model model, Graph graph, Map<String, Tensor> knownInputValues) {
        ShapeInferenceReport report = new ShapeInferenceReport(graph.name());
        Map<String, TypeInfo> types = new HashMap<>();
        seedTypes(graph, types);
        run(model, graph, types, new ConstantPropagation(graph, knownInputValues), report);
        return report;
    }

    /**
     * Infers a subgraph (If branch, Loop/Scan body) seen from its node: outer-scope values resolve
     * through {@code outer}/{@code outerConsts}; {@code inputTypes} (may hold nulls) are merged with the
     * body's declared inputs for this inference only (the declarations are not rewritten: a Loop's
     * carried values may change shape between iterations). Writes the body's value_info and returns its
     * outputs' types (null = unknown).
     */
    static List<TypeInfo> inferSubgraph(Model model, Graph body, Map<String, TypeInfo> outer,
                                        ConstantPropagation outerConsts, List<TypeInfo> inputTypes,
                                        ShapeInferenceReport parent) {
        Map<String, TypeInfo> types = new ScopedTypes(outer);
        for (int i = 0; i < body.inputs().size(); i++) {
            TypeInfo given = i < inputTypes.size() ? inputTypes.get(i) : null;
            ValueInfo in = body.inputs().get(i);
            TypeInfo t = TypeMerge.merge(in.type(), given).type();
            if (t != null) types.put(in.name(), t);
        }
        seedTypes(body, types);
        ShapeInferenceReport report = new ShapeInferenceReport(body.name());
        if (parent != null) parent.addSubgraph(report);
        run(model, body, types, new ConstantPropagation(body, outerConsts), report);
        List<TypeInfo> out = new ArrayList<>();
        for (ValueInfo o : body.outputs()) out.add(types.get(o.name()) != null ? types.get(o.name()) : o.type());
        return out;
    }

    private static void run(Model model, Graph graph, Map<String, TypeInfo> types, ConstantPropagation consts,
                            ShapeInferenceReport report) {
        Map<String, TypeInfo> declaredOutputs = declaredOutputTypes(graph);
        for (Node node : order(graph, report)) {
            InferenceContext c = new InferenceContext(node, opset(model, node), types, consts, model, report);
            report.add(inferNode(node, c));
            for (int i = 0; i < node.outputs().size(); i++) {
                String name = node.output(i);
                if (name.isEmpty()) continue;
                TypeMerge.Result m = TypeMerge.merge(declaredOutputs.get(name), useful(c.output(i)));
                if (m.conflict() != null) {
                    report.addConflict(new ShapeInferenceReport.Conflict(name, declaredOutputs.get(name), c.output(i),
                            m.conflict()));
                }
                if (m.type() != null) types.put(name, m.type());
            }
            consts.fold(c);
        }
        writeBack(graph, types, declaredOutputs);
    }

    private static NodeResult inferNode(Node node, InferenceContext c) {
        ShapeRule rule = OpsetId.isDefaultDomain(node.domain()) && ControlFlowShapes.handles(node.opType())
                ? ControlFlowShapes::infer : ShapeRules.find(node.domain(), node.opType());
        if (rule == null) {
            return result(node, Status.UNSUPPORTED, "no shape rule for operator " + qualified(node));
        }
        try {
            rule.infer(c);
        } catch (ShapeInferenceException e) {
            Status s = e.kind() == ShapeInferenceException.Kind.DATA_DEPENDENT ? Status.DATA_DEPENDENT : Status.FAILED;
            return result(node, s, e.getMessage());
        } catch (RuntimeException e) {
            // A rule bug or a malformed attribute must not stop inference of the rest of the graph.
            return result(node, Status.FAILED, "cannot infer output types: " + e);
        }
        if (c.dataDependence() != null) return result(node, Status.DATA_DEPENDENT, c.dataDependence());
        for (int i = 0; i < c.outputCount(); i++) {
            if (!c.hasOutput(i)) continue;
            TypeInfo t = c.output(i);
            if (!(t instanceof TypeInfo.TensorType tt)) {
                if (t == null) return result(node, Status.PARTIAL, unknownInputReason(c, node.output(i)));
                continue;
            }
            if (tt.shape() == null || tt.elemType() == DataType.UNDEFINED) {
                return result(node, Status.PARTIAL, unknownInputReason(c, node.output(i)));
            }
        }
        return result(node, Status.INFERRED, null);
    }

    private static String unknownInputReason(InferenceContext c, String output) {
        for (int i = 0; i < c.inputCount(); i++) {
            if (!c.hasInput(i)) continue;
            TypeInfo.TensorType t = c.inputType(i);
            if (c.inputTypeInfo(i) == null || (t != null && (t.shape() == null || t.elemType() == DataType.UNDEFINED))) {
                return "output '" + output + "' stays partly unknown because input '" + c.inputName(i)
                        + "' has an unknown type or shape";
            }
        }
        return "output '" + output + "' stays partly unknown";
    }

    private static NodeResult result(Node n, Status s, String reason) {
        return new NodeResult(n.id(), n.displayName(), n.opType(), s, reason);
    }

    private static String qualified(Node n) {
        return n.domain().isEmpty() ? n.opType() : n.domain() + ":" + n.opType();
    }

    private static long opset(Model model, Node node) {
        long v = model == null ? -1 : model.opsetVersion(node.domain());
        return v > 0 ? v : LATEST_OPSET;
    }

    /** A rule's output with nothing known is no information at all. */
    private static TypeInfo useful(TypeInfo t) {
        if (t instanceof TypeInfo.TensorType tt && tt.shape() == null
                && (tt.elemType() == null || tt.elemType() == DataType.UNDEFINED)) return null;
        return t;
    }

    private static List<Node> order(Graph graph, ShapeInferenceReport report) {
        try {
            return graph.topologicalOrder();
        } catch (IllegalStateException e) {
            report.setGraphProblem(e.getMessage() + "; nodes were visited in file order");
            return graph.nodes();
        }
    }

    /** Types known before any node runs: graph inputs, initializers and declared intermediate types. */
    private static void seedTypes(Graph graph, Map<String, TypeInfo> types) {
        for (Map.Entry<String, Tensor> e : graph.initializers().entrySet()) {
            types.put(e.getKey(), TypeInfo.tensor(e.getValue().dataType(), e.getValue().shape()));
        }
        for (ValueInfo in : graph.inputs()) {
            if (in.type() != null) types.put(in.name(), TypeMerge.merge(in.type(), types.get(in.name())).type());
        }
    }

    /** Types the file declares for node outputs (value_info and graph outputs). */
    private static Map<String, TypeInfo> declaredOutputTypes(Graph graph) {
        Map<String, TypeInfo> declared = new HashMap<>();
        for (ValueInfo v : graph.valueInfos()) if (v.type() != null) declared.put(v.name(), v.type());
        for (ValueInfo v : graph.outputs()) {
            if (v.type() != null) declared.put(v.name(), TypeMerge.merge(declared.get(v.name()), v.type()).type());
        }
        return declared;
    }

    private static void writeBack(Graph graph, Map<String, TypeInfo> types, Map<String, TypeInfo> declared) {
        java.util.Set<String> graphOutputs = new java.util.HashSet<>();
        List<ValueInfo> outs = new ArrayList<>();
        boolean changed = false;
        for (ValueInfo o : graph.outputs()) {
            graphOutputs.add(o.name());
            TypeInfo t = types.get(o.name());
            if (t != null && !t.equals(o.type())) {
                outs.add(o.withType(t));
                changed = true;
            } else {
                outs.add(o);
            }
        }
        if (changed) graph.setOutputs(outs);
        for (Node n : graph.nodes()) {
            for (String out : n.outputs()) {
                if (out.isEmpty() || graphOutputs.contains(out)) continue;
                TypeInfo t = types.get(out);
                if (t == null || t.equals(declared.get(out))) continue;
                ValueInfo existing = graph.valueInfo(out);
                graph.putValueInfo(existing != null ? existing.withType(t) : new ValueInfo(out, t, "", null, null));
            }
        }
    }
}
