package org.npustudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.ir.Model;
import org.npustudio.ir.Tensor;
import org.npustudio.onnx.OnnxReader;
import org.npustudio.passes.numeric.OrtExecution;
import org.npustudio.runtime.TensorComparison;
import org.npustudio.samples.SampleLibrary;
import org.npustudio.testdata.JsonOracle;
import org.npustudio.testdata.TestData;

class CompileAndDiffCommandTest {
    @TempDir Path dir;

    @Test
    void compileWritesStandardOnnxThatOrtRunsWithTheSameOutputs() throws Exception {
        Path in = SampleLibrary.write("lenet5", dir);
        Path out = dir.resolve("lenet5-compiled.onnx");
        CliRun r = CliRun.of("compile", in.toString(), "-o", out.toString(), "--print-changed", "--dump-after-each", dir.resolve("dump").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("fuse-activation") && r.out().contains("changed"), r.out());
        assertTrue(r.out().contains("*** fuse-activation:"), r.out());
        assertTrue(r.out().contains("+ ") && r.out().contains("FusedConv <- "), r.out());
        try (var files = Files.list(dir.resolve("dump"))) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().matches("\\d\\d-fuse-activation\\.onnx")));
        }
        Model a = OnnxReader.read(in), b = OnnxReader.read(out);
        assertTrue(b.graph().nodes().stream().noneMatch(n -> n.domain().equals("org.npustudio")));
        Map<String, Tensor> feed = OrtExecution.randomInputs(a, 3);
        Tensor x = OrtExecution.run(a, feed).values().iterator().next(), y = OrtExecution.run(b, feed).values().iterator().next();
        double scale = 0;
        for (float f : x.toFloats()) scale = Math.max(scale, Math.abs(f));
        assertTrue(TensorComparison.of(y, x).allClose(1e-4, 1e-4 * scale), TensorComparison.of(y, x).describe());
    }

    @Test
    void notesPrintTheQuantizersSqnrPerLayerOnlyWhenAskedFor() throws Exception {
        Path in = SampleLibrary.write("lenet5", dir);
        Path pipeline = Files.writeString(dir.resolve("q.yaml"), "passes:\n  - quantize:\n      samples: 1\n      int4-layers: [/fc1/Gemm]\n");
        CliRun plain = CliRun.of("compile", in.toString(), "--pipeline", pipeline.toString(), "-o", dir.resolve("a.onnx").toString());
        assertEquals(0, plain.status(), plain.err());
        assertFalse(plain.out().contains("SQNR"), plain.out());
        CliRun noted = CliRun.of("compile", in.toString(), "--pipeline", pipeline.toString(), "-o", dir.resolve("b.onnx").toString(), "--notes");
        assertEquals(0, noted.status(), noted.err());
        assertTrue(noted.out().matches("(?s).*· Gemm /fc1/Gemm int4w8a \\(emulated in int8\\): SQNR -?[0-9.]+ dB.*"), noted.out());
        assertTrue(noted.out().matches("(?s).*· Conv /conv1/Conv int8: SQNR -?[0-9.]+ dB.*"), noted.out());
        assertTrue(noted.out().contains("· model output SQNR "), noted.out());
    }

    @Test
    void compilingARealModelWithIfBodiesWritesWhatOnnxRuntimeLoads() throws Exception {
        // silero v4 captures initializers in its If bodies; CSE merging them used to leave the bodies dangling
        Path in = TestData.realModel("silero_vad_v4.onnx");
        Path out = dir.resolve("silero-compiled.onnx");
        CliRun r = CliRun.of("compile", in.toString(), "-o", out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("common-subexpression-elimination") && r.out().contains("wrote "), r.out());
        org.npustudio.runtime.OrtRunner.open(Files.readAllBytes(out), "silero", org.npustudio.runtime.OrtRunner.Options.DETERMINISTIC).close();
        CliRun quick = CliRun.of("compile", in.toString(), "-o", dir.resolve("q.onnx").toString(), "--no-verify");
        assertEquals(0, quick.status(), quick.err());
    }

    @Test
    void aPipelineFileWithAnUnknownPassIsOneLineNamingLineAndValidPasses() throws Exception {
        Path in = SampleLibrary.write("mlp", dir);
        Path yaml = Files.writeString(dir.resolve("p.yaml"), "passes:\n  - constant-folding\n  - fuse-everything\n");
        CliRun r = CliRun.of("compile", in.toString(), "--pipeline", yaml.toString(), "-o", dir.resolve("o.onnx").toString());
        assertEquals(2, r.status());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().contains("line 3") && r.err().contains("unknown pass 'fuse-everything' (valid passes: shape-inference"), r.err());
        CliRun noOut = CliRun.of("compile", in.toString());
        assertEquals(2, noOut.status());
        assertTrue(noOut.err().contains("missing -o OUT.onnx"), noOut.err());
    }

    @Test
    void diffOfAModelAndItsCompiledFormCountsAndListsNodes() throws Exception {
        Path in = SampleLibrary.write("lenet5", dir);
        Path out = dir.resolve("c.onnx");
        Path yaml = Files.writeString(dir.resolve("p.yaml"), "passes:\n  - fuse-activation\n");
        assertEquals(0, CliRun.of("compile", in.toString(), "--pipeline", yaml.toString(), "-o", out.toString()).status());
        CliRun same = CliRun.of("diff", in.toString(), in.toString());
        assertEquals(0, same.status(), same.err());
        assertTrue(same.out().startsWith("matched "), same.out());
        assertTrue(same.out().contains("changed 0), added 0, removed 0"), same.out());
        // Legalization gives the Conv and Relu their ids back: the compiled file diffs as equal to the input.
        CliRun round = CliRun.of("diff", in.toString(), out.toString(), "--json");
        assertEquals(0, round.status(), round.err());
        Map<String, Object> counts = JsonOracle.object(round.out());
        assertEquals(0L, counts.get("added"), round.out());
        assertEquals(0L, counts.get("removed"), round.out());
        assertEquals(List.of(), counts.get("addedNodes"), round.out());
        Path yaml2 = Files.writeString(dir.resolve("p2.yaml"), "passes:\n  - fuse-activation\n  - layout-nhwc\n");
        Path out2 = dir.resolve("c2.onnx");
        assertEquals(0, CliRun.of("compile", in.toString(), "--pipeline", yaml2.toString(), "-o", out2.toString()).status());
        CliRun nhwc = CliRun.of("diff", in.toString(), out2.toString());
        assertTrue(nhwc.out().contains("added ") && nhwc.out().contains("(Transpose)"), nhwc.out());
    }
}
