package org.npustudio.passes;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.TypeInfo;
import org.npustudio.ir.ValueInfo;
import org.npustudio.onnx.ModelLoadException;
import org.npustudio.onnx.ModelValidator;
import org.npustudio.shape.ShapeInference;
import org.npustudio.shape.ShapeInferenceReport;

/**
 * Checks that a model is well formed after a pass. The structural rules are {@link ModelValidator}'s
 * (the ONNX checker's: one producer per value, every input defined in its graph or an enclosing one,
 * acyclic, imported domains, known standard operators), applied to the main graph and every If/Loop/Scan
 * body; on top of them what only passes can break: unique stable node ids, no value_info with an
 * unknown element type (ONNX Runtime refuses element type 0), and shape inference over a copy reporting
 * no conflict and no failing node.
 */
public final class Verifier {
    private Verifier() {}

    /** Problems found, empty when the model is well formed. */
    public static List<String> check(Model model) {
        List<String> problems = new ArrayList<>();
        try {
            ModelValidator.validate(model, model.displayName());
        } catch (ModelLoadException e) {
            problems.add(e.place().isEmpty() ? e.problem() : e.place() + ": " + e.problem());
        }
        Set<String> ids = new HashSet<>();
        for (Node n : model.graph().nodes()) if (!ids.add(n.id())) problems.add("node id '" + n.id() + "' used twice");
        problems.addAll(untypedValueInfo(model.graph()));
        if (problems.isEmpty()) problems.addAll(shapeProblems(model));
        return problems;
    }

    /** value_info entries (at any nesting depth) whose tensor element type is unknown. */
    static List<String> untypedValueInfo(Graph root) {
        List<String> problems = new ArrayList<>();
        ArrayDeque<Graph> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            Graph g = todo.poll();
            for (ValueInfo v : g.valueInfos()) {
                if (v.type() instanceof TypeInfo.TensorType t && (t.elemType() == null || t.elemType() == DataType.UNDEFINED)) {
                    problems.add("value_info '" + v.name() + "' in graph '" + g.name() + "' has element type 0 (unknown)");
                }
            }
            for (Node n : g.nodes()) todo.addAll(n.subgraphs());
        }
        return problems;
    }

    private static List<String> shapeProblems(Model model) {
        List<String> problems = new ArrayList<>();
        ShapeInferenceReport r = ShapeInference.infer(ModelCopy.of(model));
        for (ShapeInferenceReport.Conflict c : r.conflicts()) problems.add("shape: " + c.describe());
        for (ShapeInferenceReport.NodeResult n : r.withStatus(ShapeInferenceReport.Status.FAILED)) problems.add("shape: " + n.describe());
        return problems;
    }
}
