package org.npustudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.app.TestModels;
import org.npustudio.ir.Tensor;
import org.npustudio.runtime.OrtRunner;
import org.npustudio.samples.SampleLibrary;

/** {@code npustudio quantize}: the written model runs in ONNX Runtime, the report files, and one-line errors for bad input. */
class QuantizeCommandTest {
    @TempDir Path dir;

    private Path lenet() throws Exception {
        return TestModels.write(SampleLibrary.build("lenet5"), dir.resolve("lenet5.onnx"));
    }

    /** Grey digits on black, as LeNet's input (1x1x32x32) expects, at 40x40 so they are resized. */
    private Path digits(int n) throws Exception {
        Path d = Files.createDirectories(dir.resolve("digits"));
        for (int i = 0; i < n; i++) {
            BufferedImage img = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 30));
            g.drawString(Integer.toString(i % 10), 10, 32);
            g.dispose();
            ImageIO.write(img, i % 2 == 0 ? "png" : "jpg", d.resolve("d" + i + (i % 2 == 0 ? ".png" : ".jpg")).toFile());
        }
        return d;
    }

    private static String userError(CliRun r) {
        return CliErrorsTest.userError(r);
    }

    @Test
    void imagesCalibrateAHeldOutPartEvaluatesAndTheModelAndReportAreWritten() throws Exception {
        Path out = dir.resolve("q.onnx"), report = dir.resolve("report");
        CliRun r = CliRun.of("quantize", lenet().toString(), "--images", digits(8).toString(), "--mean", "0.5", "--std", "0.5",
                "--bias-correction", "-o", out.toString(), "--report", report.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("calibration: 8 images from") && r.out().contains("(first 6 for calibration)"), r.out());
        assertTrue(r.out().contains("evaluation: 8 images from") && r.out().contains("(last 2 held out for evaluation)"), r.out());
        assertTrue(r.out().contains("output SQNR ") && r.out().contains("top-1 agreement with fp32"), r.out());
        try (OrtRunner ort = OrtRunner.open(Files.readAllBytes(out), "q.onnx", OrtRunner.Options.DETERMINISTIC)) {
            Tensor y = ort.run(java.util.Map.of("input", Tensor.ofFloats("input", new long[] {1, 1, 32, 32}, new float[1024]))).values()
                    .iterator().next();
            assertEquals(10, y.elementCount());
        }
        List<String> csv = Files.readAllLines(report.resolve("layers.csv"));
        assertTrue(csv.get(0).startsWith("node,op,precision,weight_bits,group"), csv.get(0));
        assertEquals(6, csv.size()); // header + 2 Conv + 3 Gemm
        JsonNode json = new ObjectMapper().readTree(report.resolve("quantization.json").toFile());
        assertTrue(json.get("calibration").asText().startsWith("8 images from"));
        assertTrue(json.get("output_sqnr_db").asDouble() > 20, json.toString());
        assertEquals(5, json.get("layers").size());
        assertTrue(json.get("layers").get(0).get("bias_correction").isNumber());
    }

    @Test
    void int4WithFp16ActivationsPerBlock() throws Exception {
        Path out = dir.resolve("q4.onnx");
        CliRun r = CliRun.of("quantize", lenet().toString(), "--weights", "int4", "--activations", "fp16", "--group", "32", "-o", out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("calibration: seeded random N(0,1) inputs"), r.out());
        assertTrue(r.out().contains("wrote " + out + " (int4w16a)"), r.out());
    }

    @Test
    void unknownWeightsMethodOrGroupAreOneLineErrors() throws Exception {
        String m = lenet().toString(), o = dir.resolve("x.onnx").toString();
        assertTrue(userError(CliRun.of("quantize", m, "--weights", "int3", "-o", o)).contains("--weights must be int8, int4, fp16 or bf16, not 'int3'"));
        assertTrue(userError(CliRun.of("quantize", m, "--method", "kl", "-o", o)).contains("--method must be minmax, percentile, entropy or mse, not 'kl'"));
        assertTrue(userError(CliRun.of("quantize", m, "--weights", "int4", "--group", "48", "-o", o)).contains("--group must be 0, 32, 64 or 128, not 48"));
        assertTrue(userError(CliRun.of("quantize", m, "--activations", "int4", "-o", o)).contains("--activations must be int8 or fp16"));
        assertTrue(userError(CliRun.of("quantize", m, "--images", dir.toString(), "--layout", "chw", "-o", o)).contains("--layout must be nchw or nhwc"));
    }

    @Test
    void badCalibrationInputsAreOneLineErrorsNamingTheFile() throws Exception {
        String m = lenet().toString(), o = dir.resolve("x.onnx").toString();
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertEquals("npustudio: " + empty + ": the folder holds no .npy or .pb files", userError(CliRun.of("quantize", m, "--calibration", empty.toString(), "-o", o)));
        Path broken = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(broken.resolve("cat.jpg"), "no jpeg here");
        assertTrue(userError(CliRun.of("quantize", m, "--images", broken.toString(), "-o", o)).startsWith("npustudio: " + broken.resolve("cat.jpg") + ": "));
        Path wrong = Files.createDirectories(dir.resolve("wrong"));
        Files.write(wrong.resolve("s0.pb"), Tensor.ofFloats("t", new long[] {1, 32, 32}, new float[1024]).proto().toByteArray());
        assertTrue(userError(CliRun.of("quantize", m, "--calibration", wrong.toString(), "-o", o))
                .startsWith("npustudio: " + wrong.resolve("s0.pb") + ": input 'input': rank 3 (1x32x32), the model's input 'input' has rank 4"));
        assertFalse(Files.exists(dir.resolve("x.onnx")));
    }

    private static Path npu() {
        return SimulateAndReportCommandTest.ROOT.resolve("samples/npu/edge-npu-8tops.yaml");
    }

    private static void runsInOrt(Path model) throws Exception {
        try (OrtRunner ort = OrtRunner.open(Files.readAllBytes(model), model.getFileName().toString(), OrtRunner.Options.DETERMINISTIC)) {
            Tensor y = ort.run(java.util.Map.of("input", Tensor.ofFloats("input", new long[] {1, 1, 32, 32}, new float[1024]))).values()
                    .iterator().next();
            assertEquals(10, y.elementCount());
        }
    }

    @Test
    void aBudgetChoosesEachLayersPrecisionAndAPlanQuantizesOnlyWhereItChose() throws Exception {
        Path model = lenet(), out = dir.resolve("auto.onnx"), plan = dir.resolve("chosen.yaml");
        CliRun auto = CliRun.of("quantize", model.toString(), "--budget-sqnr", "30", "--npu", npu().toString(), "-o", out.toString());
        assertEquals(0, auto.status(), auto.err());
        assertTrue(auto.out().contains("precision per layer"), auto.out());
        runsInOrt(out);
        CliRun chosen = CliRun.of("sensitivity", model.toString(), "--budget-sqnr", "30", "--npu", npu().toString(), "-o", plan.toString());
        assertEquals(0, chosen.status(), chosen.err());
        Path fromPlan = dir.resolve("plan.onnx");
        CliRun q = CliRun.of("quantize", model.toString(), "--plan", plan.toString(), "-o", fromPlan.toString());
        assertEquals(0, q.status(), q.err());
        assertTrue(q.out().contains("nodes with a precision chosen by the plan"), q.out());
        runsInOrt(fromPlan);
        // the same choice either way: the same layers quantized at the same weight bits
        assertEquals(layerLines(auto.out()), layerLines(q.out()));
    }

    @Test
    void anUnreachableBudgetSaysTheBestReachableFigure() throws Exception {
        CliRun r = CliRun.of("quantize", lenet().toString(), "--budget-sqnr", "200", "--candidates", "int8,int4w8a", "--npu", npu().toString(),
                "-o", dir.resolve("never.onnx").toString());
        assertEquals(2, r.status(), r.out());
        List<String> err = r.err().lines().toList(); // progress lines first, then the one error line
        String last = err.get(err.size() - 1);
        assertTrue(last.contains("not reachable") && last.contains("the best measured is") && !r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(dir.resolve("never.onnx")));
    }

    private static List<String> layerLines(String out) {
        return out.lines().filter(l -> l.matches("\\s*(Conv|Gemm|MatMul)\\b.*")).map(l -> l.replaceAll("SQNR.*", "")).toList();
    }
}
