package org.npustudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.npustudio.plan.yaml.PlanYaml;
import org.npustudio.testdata.TestData;

/** The automatic precision plan through the real CLI: simulate reproduces its cost, check and export run it in ONNX Runtime. */
class SensitivityPlanCommandsTest {
    static final Path LENET = TestData.inCheckout("samples/models/lenet5.onnx");

    @TempDir Path dir;

    /** edge-npu-mixed runs all of LeNet-5; edge-npu-8tops has no Tanh (CPU device) and no fp16 (left out, warned). */
    @ParameterizedTest
    @ValueSource(strings = {"edge-npu-mixed", "edge-npu-8tops"})
    void chosenPlanSimulatesToItsReportedCostAndRunsInOnnxRuntime(String preset) throws Exception {
        Path npu = TestData.inCheckout("samples/npu/" + preset + ".yaml");
        Path plan = dir.resolve("chosen.yaml");
        CliRun s = CliRun.of("sensitivity", LENET.toString(), "--npu", npu.toString(), "--budget-sqnr", "25", "-o", plan.toString());
        assertEquals(0, s.status(), s.out() + s.err());
        Matcher chosen = Pattern.compile("; simulated latency ([0-9.]+) us\\n").matcher(s.out());
        assertTrue(chosen.find(), s.out());
        assertEquals(preset.equals("edge-npu-8tops"), s.err().contains("does not offer fp16"), s.err());

        var read = PlanYaml.read(plan, null).plan();
        assertEquals(preset.equals("edge-npu-mixed") ? 1 : 9, read.partitions().size(), Files.readString(plan));

        CliRun sim = CliRun.of("simulate", LENET.toString(), "--npu", npu.toString(), "--plan", plan.toString());
        assertEquals(0, sim.status(), sim.out() + sim.err());
        assertFalse(sim.err().contains("precision") || sim.err().contains("offer") || sim.err().contains("falls back"), sim.err());
        Matcher m = Pattern.compile("end-to-end latency: ([0-9.]+) us").matcher(sim.out());
        assertTrue(m.find(), sim.out());
        assertEquals(Double.parseDouble(chosen.group(1)), Double.parseDouble(m.group(1)), 0.05, "reported vs simulate --plan");

        CliRun check = CliRun.of("check", LENET.toString(), "--plan", plan.toString());
        assertEquals(0, check.status(), check.out() + check.err());
        Path out = dir.resolve("split");
        CliRun export = CliRun.of("export", LENET.toString(), "--plan", plan.toString(), "-o", out.toString());
        assertEquals(0, export.status(), export.out() + export.err());
        // The int8/int4w8a layers are quantized (QDQ) in the exported partitions; fp16 layers stay float.
        boolean qdq = false;
        try (var files = Files.list(out)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".onnx")).toList()) {
                qdq |= org.npustudio.onnx.OnnxReader.read(p).graph().nodes().stream().anyMatch(n -> n.opType().equals("QuantizeLinear")
                        || n.opType().equals("DequantizeLinear"));
            }
        }
        assertTrue(qdq, "the exported partitions carry the chosen quantization");
    }
}
