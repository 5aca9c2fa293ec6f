package org.npustudio.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.TypeInfo;
import org.npustudio.testdata.RealModel;
import org.npustudio.testdata.TestData;

/**
 * Every tensor of every real-model corpus model (also inside If/Loop/Scan bodies) has a static shape and
 * an element type once the model is opened with the binding models.yaml gives.
 */
class RealModelShapesTest {
    @Test
    void everyTensorOfEveryCorpusModelIsStaticOnceBound() throws Exception {
        Map<String, List<String>> missing = new LinkedHashMap<>();
        int opened = 0;
        for (RealModel m : TestData.presentRealModels()) { // fetched ones not in the cache are skipped with a note
            String file = m.file();
            Path p = m.path();
            Model model = org.npustudio.onnx.OnnxReader.read(p);
            binding(m).bind(model);
            ShapeInferenceReport report = ShapeInference.infer(model, model.graph(), values(m, model));
            java.util.Set<ShapeInferenceReport.DeadBranch> dead = new java.util.HashSet<>();
            deadBranches(report, dead);
            List<String> unresolved = new ArrayList<>();
            unresolved(model.graph(), dead, unresolved);
            System.out.println("RealModelShapesTest: " + file + ": " + unresolved.size() + " tensors without a static shape and type"
                    + (unresolved.isEmpty() ? "" : " " + unresolved.subList(0, Math.min(8, unresolved.size()))));
            if (!unresolved.isEmpty()) {
                missing.put(file, unresolved);
                {
                    dump(report, "");
                }
            }
            opened++;
        }
        assertFalse(opened == 0, "no corpus model found");
        assertEquals(Map.of(), missing);
    }

    private static void dump(ShapeInferenceReport r, String indent) {
        for (ShapeInferenceReport.NodeResult n : r.nodes()) {
            if (n.status() != ShapeInferenceReport.Status.INFERRED) System.out.println(indent + r.graphName() + ": " + n.describe());
        }
        for (ShapeInferenceReport s : r.subgraphs()) dump(s, indent + "  ");
    }

    /** The models.yaml {@code values:} (e.g. silero's sr=16000) as constant inputs, as --input-value gives them. */
    static Map<String, org.npustudio.ir.Tensor> values(RealModel m, Model model) throws Exception {
        List<String> texts = new ArrayList<>();
        m.values().forEach((k, v) -> texts.add(k + "=" + v));
        return org.npustudio.runtime.InputValues.parse(texts, model.graph());
    }

    static ShapeBinding binding(RealModel m) throws Exception {
        List<String> shapes = new ArrayList<>();
        m.inputs().forEach((k, v) -> shapes.add(k + "=" + v));
        return ShapeBinding.parse(shapes, List.of());
    }

    static void deadBranches(ShapeInferenceReport r, java.util.Set<ShapeInferenceReport.DeadBranch> out) {
        out.addAll(r.deadBranches());
        for (ShapeInferenceReport s : r.subgraphs()) deadBranches(s, out);
    }

    /**
     * Names of node outputs (graph and every subgraph) without a static shape and a defined element type.
     * If branches a constant condition never takes are not counted (they need not be valid for these shapes).
     */
    static void unresolved(Graph g, java.util.Set<ShapeInferenceReport.DeadBranch> dead, List<String> out) {
        for (Node n : g.nodes()) {
            for (String o : n.outputs()) {
                if (o.isEmpty()) continue;
                TypeInfo t = g.typeOf(o);
                if (!(t instanceof TypeInfo.TensorType tt) || tt.shape() == null || !tt.shape().isStatic()
                        || tt.elemType() == null || tt.elemType() == DataType.UNDEFINED) {
                    out.add((g.name().isEmpty() ? "" : g.name() + "/") + o + "=" + (t instanceof TypeInfo.TensorType tt2 ? tt2.elemType() + String.valueOf(tt2.shape()) : String.valueOf(t)));
                }
            }
            for (Attribute a : n.attributes().values()) {
                if (dead.contains(new ShapeInferenceReport.DeadBranch(n.id(), a.name()))) continue;
                for (Graph sub : a.subgraphs()) unresolved(sub, dead, out);
            }
        }
    }
}
