package org.npustudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.samples.SampleLibrary;
import org.npustudio.testdata.JsonOracle;

class SamplesAndBenchCommandTest {
    @TempDir
    Path dir;

    @Test
    void samplesWritesEveryModelAndEachOneInspects() {
        CliRun r = CliRun.of("samples", dir.toString());
        assertEquals(0, r.status(), r.err());
        for (String name : SampleLibrary.names()) {
            Path f = dir.resolve(SampleLibrary.sample(name).fileName());
            assertTrue(Files.isRegularFile(f), f.toString());
            assertTrue(r.out().contains(name), r.out());
        }
        CliRun inspect = CliRun.of("inspect", dir.resolve("mobilenetv2.onnx").toString(), "--json");
        assertEquals(0, inspect.status(), inspect.err());
        // Shapes are inferred on open, so every node is costed: MobileNetV2 is about 300 M MACs.
        long macs = (Long) JsonOracle.object(inspect.out()).get("macs");
        assertTrue(macs > 290_000_000L && macs < 320_000_000L, "MobileNetV2 MACs " + macs);
    }

    @Test
    void samplesListNamesThemWithoutWriting() {
        CliRun r = CliRun.of("samples", "--list");
        assertEquals(0, r.status());
        assertEquals(SampleLibrary.names().size(), r.out().strip().split("\n").length);
    }

    @Test
    void benchOpenTimesEveryStepAndTheWindow() throws Exception {
        Path lenet = SampleLibrary.ensure("lenet5", dir);
        CliRun r = CliRun.of("bench", "open", lenet.toString());
        assertEquals(0, r.status(), r.err());
        String[] lines = r.out().split("\n");
        assertTrue(r.out().contains("read   infer summary prepare  layout   scene |     sum |  window"), r.out());
        // LeNet-5: 12 operators, drawn with its input and output; a first-open row and a warm row.
        java.util.List<String> rows = java.util.Arrays.stream(lines).filter(l -> l.startsWith("lenet5 ")).toList();
        assertEquals(2, rows.size(), r.out());
        assertTrue(rows.get(0).matches("lenet5\\s+12\\s+14 first \\|( +\\d+\\.\\d){6} \\| +\\d+\\.\\d \\| +\\d+\\.\\d  (met|NOT met)"), rows.get(0));
        assertTrue(rows.get(1).contains(" warm "), rows.get(1));
        CliRun missing = CliRun.of("bench", "open", dir.resolve("nope.onnx").toString());
        assertEquals(2, missing.status());
        assertEquals("npustudio: " + dir.resolve("nope.onnx") + ": no such file", missing.err().strip());
    }

    @Test
    void unknownSampleAndBenchmarkAreOneLineUserErrors() {
        CliRun gui = CliRun.with(Commands.builtIn(), java.util.Map.of("DISPLAY", ":99"), "gui", "--sample", "alexnet");
        assertEquals(2, gui.status());
        assertEquals(1, gui.errLines().length, gui.err());
        assertTrue(gui.err().contains("unknown sample 'alexnet'") && gui.err().contains("resnet50"), gui.err());
        CliRun bench = CliRun.of("bench", "layoutz");
        assertEquals(2, bench.status());
        assertTrue(bench.err().contains("unknown benchmark 'layoutz'"), bench.err());
    }
}
