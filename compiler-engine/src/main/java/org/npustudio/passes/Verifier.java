package org.npustudio.passes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.ValueInfo;
import org.npustudio.shape.ShapeInference;
import org.npustudio.shape.ShapeInferenceReport;

/**
 * Checks that a model's main graph is well formed after a pass: unique node ids, one producer per
 * value, every input and output defined, no cycle, every node's domain imported, and that shape
 * inference over a copy agrees with the declared types (no conflict, no node failing).
 */
public final class Verifier {
    private Verifier() {}

    /** Problems found, empty when the graph is well formed. */
    public static List<String> check(Model model) {
        List<String> problems = new ArrayList<>();
        Graph g = model.graph();
        Set<String> ids = new HashSet<>();
        Map<String, String> producer = new HashMap<>();
        for (ValueInfo in : g.inputs()) producer.put(in.name(), "graph input");
        for (String init : g.initializers().keySet()) {
            String was = producer.put(init, "initializer");
            if (was != null && !was.equals("graph input")) problems.add("value '" + init + "' defined twice");
        }
        for (Node n : g.nodes()) {
            if (!ids.add(n.id())) problems.add("node id '" + n.id() + "' used twice");
            if (model.opsetVersion(n.domain()) < 0) problems.add("node '" + n.id() + "' uses domain '" + n.domain() + "' that is not imported");
            for (String o : n.outputs()) {
                if (o.isEmpty()) continue;
                String was = producer.put(o, "node " + n.id());
                if (was != null) problems.add("value '" + o + "' produced by node '" + n.id() + "' is also produced by " + was);
            }
        }
        for (Node n : g.nodes()) {
            for (String in : n.inputs()) {
                if (!in.isEmpty() && !producer.containsKey(in)) problems.add("node '" + n.id() + "' reads undefined value '" + in + "'");
            }
        }
        for (ValueInfo o : g.outputs()) {
            if (!producer.containsKey(o.name())) problems.add("graph output '" + o.name() + "' is not defined");
        }
        try {
            g.topologicalOrder();
        } catch (IllegalStateException e) {
            problems.add(e.getMessage());
        }
        if (problems.isEmpty()) problems.addAll(shapeProblems(model));
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
