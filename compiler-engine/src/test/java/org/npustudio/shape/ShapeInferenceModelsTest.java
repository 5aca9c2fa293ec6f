package org.npustudio.shape;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.TypeInfo;
import org.npustudio.ir.ValueInfo;
import org.npustudio.onnx.OnnxReader;
import org.npustudio.onnx.proto.OnnxProto;
import org.npustudio.testdata.SharedData;
import org.npustudio.testdata.TestData;

/**
 * Whole models (light/ zoo models, PyTorch-exported tests): inference with declared types removed must
 * not throw, must leave no supported node unknown once its inputs are known, and where every operator
 * has a rule, the graph outputs must match the expected output tensors.
 */
class ShapeInferenceModelsTest {
    @Test
    void lightModels(@SharedData("onnx-testdata/light") Path dir) throws Exception {
        List<Path> models;
        try (Stream<Path> s = Files.list(dir)) {
            models = TestData.nonEmpty(s.filter(p -> p.toString().endsWith(".onnx")).sorted().toList(), "light models in " + dir);
        }
        List<String> problems = new ArrayList<>();
        for (Path m : models) {
            String base = m.getFileName().toString().replace(".onnx", "");
            check(m, base, i -> dir.resolve(base + "_output_" + i + ".pb"), problems);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void pytorchModels() throws Exception {
        List<String> problems = new ArrayList<>();
        int n = 0;
        for (String folder : new String[] {"onnx-testdata/pytorch-converted", "onnx-testdata/pytorch-operator"}) {
            Path dir = TestData.shared(folder);
            for (Path c : ShapeInferenceCorpusTest.caseDirs(dir)) {
                check(c.resolve("model.onnx"), c.getFileName().toString(),
                        i -> c.resolve("test_data_set_0/output_" + i + ".pb"), problems);
                n++;
            }
        }
        assertTrue(n > 0, "no PyTorch test models found");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private interface OutputFile {
        Path path(int i);
    }

    private static void check(Path file, String label, OutputFile expected, List<String> problems) throws Exception {
        Model model = OnnxReader.read(file);
        Graph g = model.graph();
        for (ValueInfo v : g.valueInfos()) g.removeValueInfo(v.name());
        List<ValueInfo> declaredOutputs = g.outputs();
        g.setOutputs(declaredOutputs.stream().map(o -> o.withType(null)).toList());
        ShapeInferenceReport report;
        try {
            report = ShapeInference.infer(model);
        } catch (RuntimeException e) {
            problems.add(label + ": inference threw " + e);
            return;
        }
        boolean allSupported = true;
        int unknownAfterKnownInputs = 0;
        for (Node n : g.nodes()) {
            ShapeInferenceReport.NodeResult r = report.result(n.id());
            if (r.status() == ShapeInferenceReport.Status.UNSUPPORTED) {
                allSupported = false;
                continue;
            }
            if (r.status() != ShapeInferenceReport.Status.INFERRED && inputsKnown(g, n)) {
                problems.add(label + ": " + r.describe());
                unknownAfterKnownInputs++;
            }
        }
        int matched = 0;
        if (allSupported) {
            for (int i = 0; i < g.outputs().size(); i++) {
                Path p = expected.path(i);
                if (!Files.exists(p) || !(declaredOutputs.get(i).type() instanceof TypeInfo.TensorType)) continue;
                String want = ShapeInferenceCorpusTest.describe(OnnxProto.TensorProto.parseFrom(Files.readAllBytes(p)));
                String got = ShapeInferenceCorpusTest.describe(g.outputs().get(i).type());
                if (!want.equals(got)) problems.add(label + ": output " + i + " expected " + want + " got " + got);
                else matched++;
            }
        }
        System.out.printf("%-48s nodes %4d  %s  outputs matched %d%s%n", label, g.nodes().size(),
                report.summary().replaceFirst("^shape inference of '[^']*': ", ""), matched,
                allSupported ? "" : " (has ops without a rule: " + report.withStatus(
                        ShapeInferenceReport.Status.UNSUPPORTED).stream().map(r -> r.opType()).distinct().toList() + ")");
    }

    /** True when every input of the node has a known element type and rank after inference. */
    private static boolean inputsKnown(Graph g, Node n) {
        for (String in : n.inputs()) {
            if (in.isEmpty()) continue;
            TypeInfo t = g.typeOf(in);
            if (!(t instanceof TypeInfo.TensorType tt) || tt.shape() == null || tt.elemType() == DataType.UNDEFINED) {
                return false;
            }
        }
        return true;
    }
}
