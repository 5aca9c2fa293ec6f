package org.npustudio.app.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.ir.Model;
import org.npustudio.onnx.OnnxReader;
import org.npustudio.passes.PassManager;
import org.npustudio.passes.PipelineResult;
import org.npustudio.passes.PipelineYaml;
import org.npustudio.samples.SampleLibrary;

/** weight_bytes counts stored precision: float32 4 bytes, int8 1, the quantizer's (emulated) int4 ½. */
class WeightBytesTest {
    @TempDir Path dir;

    @Test
    void int8HalvesNothingInt4HalvesTheInt8BytesOfItsLayer() throws Exception {
        Path in = SampleLibrary.write("lenet5", dir);
        Model fp32 = OnnxReader.read(in);
        long params = 0;
        for (var t : fp32.graph().initializers().values()) params += t.elementCount();
        assertEquals(4.0 * params, WeightBytes.of(fp32.graph()));

        double int8 = WeightBytes.of(quantized(in, "[]").graph());
        double int4 = WeightBytes.of(quantized(in, "[/fc1/Gemm]").graph());
        // fc1's 48,000 weights go from one byte to half a byte each; its scales and zero points keep their size
        assertEquals(24000.0, int8 - int4);
        assertEquals(true, int8 < 4.0 * params / 3, "int8 weights take about a quarter of the float bytes: " + int8);
    }

    private Model quantized(Path in, String int4) throws Exception {
        Path pipeline = Files.writeString(dir.resolve("q.yaml"),
                "passes:\n  - quantize:\n      samples: 1\n      report-sqnr: false\n      int4-layers: " + int4 + "\n  - dead-code-elimination\n");
        Model m = OnnxReader.read(in);
        PipelineResult r = new PassManager().run(m, PipelineYaml.read(pipeline));
        if (!r.succeeded()) throw r.failure();
        return m;
    }
}
