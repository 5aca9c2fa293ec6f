package org.npustudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.samples.SampleLibrary;
import org.npustudio.testdata.TestData;

/** {@code simulate --pipeline}: as written by default (unchanged output), as compiled on request, bad files in one line. */
class SimulatePipelineCommandTest {
    @TempDir Path dir;

    private static String npu() { return TestData.root().resolve("samples/npu/edge-npu-8tops.yaml").toString(); }

    @Test
    void withoutPipelineTheOutputIsTheGraphAsWrittenAndPipelineDefaultAddsWhatEachNodeBecame() throws Exception {
        String model = SampleLibrary.write("lenet5", dir).toString();
        CliRun plain = CliRun.of("simulate", model, "--npu", npu());
        CliRun none = CliRun.of("simulate", model, "--npu", npu(), "--pipeline", "none");
        assertEquals(0, plain.status(), plain.err());
        assertEquals(plain.out(), none.out());
        assertTrue(!plain.out().contains("compiled"), plain.out());
        CliRun compiled = CliRun.of("simulate", model, "--npu", npu(), "--pipeline", "default", "--format", "csv");
        assertEquals(0, compiled.status(), compiled.err());
        assertTrue(compiled.out().lines().findFirst().orElseThrow().endsWith(",compiled"), compiled.out());
    }

    @Test
    void anUnknownPipelineFileIsOneLineNamingTheFile() throws Exception {
        String model = SampleLibrary.write("lenet5", dir).toString();
        Path missing = dir.resolve("no-such-pipeline.yaml");
        CliRun r = CliRun.of("simulate", model, "--npu", npu(), "--pipeline", missing.toString());
        assertEquals(2, r.status());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(missing.toString()) && r.err().contains("no such pipeline file"), r.err());
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "passes:\n  - fold-everything\n");
        CliRun b = CliRun.of("report", model, "--npu", npu(), "--pipeline", bad.toString(), "-o", dir.resolve("r").toString());
        assertEquals(2, b.status());
        assertEquals(1, b.err().strip().lines().count(), b.err());
        assertTrue(b.err().contains(bad.toString()) && b.err().contains("fold-everything"), b.err());
    }
}
