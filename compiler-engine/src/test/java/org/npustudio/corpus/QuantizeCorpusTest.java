package org.npustudio.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.npustudio.ir.Model;
import org.npustudio.ir.Tensor;
import org.npustudio.onnx.OnnxWriter;
import org.npustudio.passes.ModelCopy;
import org.npustudio.passes.PassManager;
import org.npustudio.passes.PassRegistry;
import org.npustudio.passes.Pipeline;
import org.npustudio.passes.PipelineResult;
import org.npustudio.passes.StandardRules;
import org.npustudio.passes.quant.QuantizePass;
import org.npustudio.runtime.OrtRunner;
import org.npustudio.shape.ShapeInference;

/**
 * int8 quantization of every corpus model (inputs made static): the pass succeeds whatever the opset
 * (opset 9 and 11 models are lifted to 13 first) and whatever If bodies the model has; the result
 * loads and runs in ONNX Runtime; the SQNR of the model output against fp32 is printed.
 */
class QuantizeCorpusTest {
    static List<CorpusModels> models() throws Exception { return CorpusModels.present(); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void quantizesToAModelOnnxRuntimeRuns(CorpusModels c) throws Exception {
        Model m = c.readSpecialised(); // silero's sr is then a constant: ORT refuses v5/v6 bound but unspecialised
        ShapeInference.infer(m);
        List<String> values = c.values().entrySet().stream().filter(e -> m.graph().isGraphInput(e.getKey()))
                .map(e -> e.getKey() + "=" + e.getValue()).toList();
        QuantizePass q = (QuantizePass) PassRegistry.get("quantize").create(Map.of("samples", 2L, "input-values", values));
        // paddle2onnx writes weights as Constant nodes: constant folding makes them initializers
        PipelineResult r = new PassManager().run(m, new Pipeline("q", List.of(PassRegistry.get("constant-folding").create(), q)));
        assertTrue(r.succeeded(), () -> c + ": " + r.failure().getMessage());
        r.records().get(1).notes().stream().filter(n -> !n.contains(": SQNR")).forEach(n -> System.out.println(c + ": " + n));
        System.out.printf("%s: %d layers int8, model output SQNR %.1f dB%n", c, q.report().layers().size(), q.report().outputSqnrDb());
        // models.yaml says which models have no constant weight to quantize (the light models' overridable ConstantOfShape fills)
        assertEquals(c.expected("int8").equals("ok"), !q.report().layers().isEmpty(), c + ": layers quantized " + q.report().layers().size());
        Model legal = ModelCopy.of(m);
        StandardRules.legalize(legal);
        try (OrtRunner run = OrtRunner.open(OnnxWriter.toBytes(legal), c.file() + " int8", OrtRunner.Options.DETERMINISTIC)) {
            Map<String, Tensor> out = run.run(c.inputs(m, 7));
            assertFalse(out.isEmpty());
        }
    }

    @org.junit.jupiter.api.Test
    void aModelThatCannotRunFailsInOneLineNamingModelAndStage() throws Exception {
        // silero v5 without its sample rate: the If branch that sr = 0 picks cannot run
        CorpusModels c = CorpusModels.present().stream().filter(x -> x.file().equals("silero_vad_v5.onnx")).findFirst().orElseThrow();
        Model m = c.read();
        ShapeInference.infer(m);
        PipelineResult r = new PassManager().run(m, Pipeline.of("q", "constant-folding", "quantize"));
        assertFalse(r.succeeded());
        String msg = r.failure().oneLine();
        assertTrue(msg.startsWith("pass 'quantize' (step 2): silero_vad_v5: measuring SQNR in ONNX Runtime failed: "), msg);
        assertFalse(msg.contains("Error code") || msg.contains("requestedOutputs"), msg);
    }
}
