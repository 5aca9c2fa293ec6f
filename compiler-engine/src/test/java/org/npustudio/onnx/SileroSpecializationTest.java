package org.npustudio.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.ValueInfo;
import org.npustudio.passes.numeric.OrtExecution;
import org.npustudio.runtime.InputValues;
import org.npustudio.runtime.OrtRunner;
import org.npustudio.runtime.RandomInputs;
import org.npustudio.runtime.TensorComparison;
import org.npustudio.shape.ShapeBinding;
import org.npustudio.testdata.RealModel;
import org.npustudio.testdata.TestData;

/**
 * Silero VAD opened with the models.yaml binding and {@code sr=16000}: the model is specialised (sr is a
 * constant, the Ifs on it are gone), ONNX Runtime loads it, and it computes what the original file does
 * for sr=16000.
 */
class SileroSpecializationTest {
    static RealModel entry(String file) {
        TestData.realModel(file);
        return TestData.presentRealModels().stream().filter(m -> m.file().equals(file)).findFirst().orElseThrow();
    }

    /** The binding a user gives on the command line for this corpus entry, values included. */
    static ShapeBinding binding(RealModel m) throws Exception {
        List<String> shapes = new ArrayList<>(), values = new ArrayList<>();
        m.inputs().forEach((k, v) -> shapes.add(k + "=" + v));
        m.values().forEach((k, v) -> values.add(k + "=" + v));
        return ShapeBinding.parse(shapes, List.of()).withValues(values);
    }

    static long ifs(Graph g) {
        long n = 0;
        ArrayDeque<Graph> todo = new ArrayDeque<>(List.of(g));
        while (!todo.isEmpty()) {
            for (Node x : todo.poll().nodes()) {
                if (x.opType().equals("If")) n++;
                todo.addAll(x.subgraphs());
            }
        }
        return n;
    }

    @ParameterizedTest
    @ValueSource(strings = {"silero_vad_v4.onnx", "silero_vad_v5.onnx", "silero_vad_v6.onnx"})
    void specialisedForSixteenKilohertzLoadsAndMatchesTheOriginal(String file) throws Exception {
        RealModel e = entry(file);
        assertEquals("16000", e.values().get("sr"), "models.yaml gives the sample rate");
        Model original = ModelOpener.open(e.path());
        assertTrue(ifs(original.graph()) > 0, "the file decides on sr with If");

        Model m = ModelOpener.open(e.path(), binding(e));
        assertFalse(m.graph().inputs().stream().anyMatch(v -> v.name().equals("sr")), "sr is no longer an input");
        assertEquals(0, ifs(m.graph()), "no If left");

        Map<String, Tensor> in = RandomInputs.forGraph(m.graph(), 7);
        Map<String, Tensor> withSr = new LinkedHashMap<>(in);
        withSr.putAll(InputValues.parse(List.of("sr=16000"), original.graph()));
        List<String> outs = m.graph().outputs().stream().map(ValueInfo::name).toList();
        Map<String, Tensor> expected;
        try (OrtRunner r = OrtRunner.open(Files.readAllBytes(e.path()), file, OrtRunner.Options.DETERMINISTIC)) {
            expected = r.run(withSr, outs);
        }
        Map<String, Tensor> actual = OrtExecution.run(m, in); // ONNX Runtime loads the specialised model
        for (String o : outs) {
            TensorComparison c = TensorComparison.of(actual.get(o), expected.get(o));
            assertTrue(c.sameShape() && (c.bitIdentical() || c.allClose(0, 1e-6)), file + " " + o + ": " + c.describe());
        }
    }
}
