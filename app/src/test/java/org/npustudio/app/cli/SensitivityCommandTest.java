package org.npustudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.testdata.TestData;

/** {@code npustudio sensitivity}: the per-layer table and files, the automatic choice as a plan, and its bad-input lines. */
class SensitivityCommandTest {
    @TempDir Path dir;

    private static final String LENET = TestData.inCheckout("samples/models/lenet5.onnx").toString();
    private static final String NPU = TestData.inCheckout("samples/npu/edge-npu-mixed.yaml").toString();

    @Test
    void tableCsvAndJsonPerLayer() throws Exception {
        Path csv = dir.resolve("s.csv"), json = dir.resolve("s.json");
        CliRun r = CliRun.of("sensitivity", LENET, "--csv", csv.toString(), "--json", json.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("all layers int8: output SQNR"), r.out());
        List<String> rows = Files.readAllLines(csv);
        assertEquals("node,name,op,int8_sqnr_db,int4w8a_sqnr_db", rows.get(0));
        assertEquals(6, rows.size(), "header and LeNet-5's five layers");
        assertTrue(Files.readString(json).contains("\"uniform\""));
    }

    @Test
    void budgetWritesAPlanTheSimulatorRuns() throws Exception {
        Path plan = dir.resolve("plan.yaml");
        CliRun r = CliRun.of("sensitivity", LENET, "--npu", NPU, "--budget-sqnr", "35", "-o", plan.toString(), "--report", dir.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("<- chosen"), r.out());
        assertTrue(Files.readString(plan).contains("precision: int8"));
        assertTrue(Files.readString(dir.resolve("sensitivity.html")).contains("Accuracy against simulated latency"));
        CliRun sim = CliRun.of("simulate", LENET, "--npu", NPU, "--plan", plan.toString());
        assertEquals(0, sim.status(), sim.err());
    }

    @Test
    void unreachableBudgetIsOneLineWithTheBestFigure() {
        Path plan = dir.resolve("plan.yaml");
        CliRun r = CliRun.of("sensitivity", LENET, "--npu", NPU, "--budget-sqnr", "60", "--candidates", "int4w8a,int8", "-o", plan.toString());
        assertEquals(2, r.status());
        String[] lines = r.errLines();
        String last = lines[lines.length - 1];
        assertTrue(last.matches("npustudio: sensitivity: budget output SQNR >= 60\\.0 dB is not reachable with \\[int4w8a, int8\\]: the best measured is \\d+\\.\\d dB \\(all int8\\)"), last);
        assertFalse(Files.exists(plan));
    }

    @Test
    void badInputIsOneLine() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        CliRun r = CliRun.of("sensitivity", LENET, "--calibration", empty.toString());
        assertEquals(2, r.status());
        assertEquals("npustudio: " + empty + ": the folder holds no .npy or .pb files", r.err().trim()); // the wording quantize uses: one folder reader
        CliRun noNpu = CliRun.of("sensitivity", LENET, "--budget-sqnr", "30", "-o", dir.resolve("p.yaml").toString());
        assertEquals(2, noNpu.status());
        assertTrue(noNpu.err().contains("a budget needs --npu NPU.yaml"), noNpu.err());
        CliRun badPrecision = CliRun.of("sensitivity", LENET, "--precisions", "int8,int3");
        assertEquals(2, badPrecision.status());
        assertTrue(badPrecision.err().contains("--precisions: unknown precision 'int3'"), badPrecision.err());
    }

    @Test
    void aBudgetOnAModelWithoutShapesAsksForThemBeforeAnalysing() {
        String cls = TestData.inCheckout("src/test/resources/real-models/ch_ppocr_mobile_v2.0_cls_infer.onnx").toString();
        Path plan = dir.resolve("cls.yaml");
        CliRun r = CliRun.of("sensitivity", cls, "--npu", NPU, "--budget-sqnr", "30", "-o", plan.toString());
        assertEquals(2, r.status(), r.out());
        String[] lines = r.errLines();
        String last = lines[lines.length - 1];
        assertTrue(last.contains("cannot cost the precisions") && last.contains("--input-shape"), last);
        assertFalse(r.out().contains("dB"), "no layer was analysed: " + r.out());
        assertFalse(Files.exists(plan));
    }
}
