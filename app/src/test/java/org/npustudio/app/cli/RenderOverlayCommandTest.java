package org.npustudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtSession;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.ir.Model;
import org.npustudio.onnx.OnnxReader;
import org.npustudio.runtime.OrtRunner;
import org.npustudio.runtime.OrtTensors;
import org.npustudio.runtime.RandomInputs;
import org.npustudio.testdata.TestData;

/** {@code npustudio render MODEL --overlay FILE}: ONNX Runtime profiles and Model Explorer node data as overlays. */
class RenderOverlayCommandTest {
    @TempDir Path dir;

    private static final Path LENET = TestData.inCheckout("samples/models/lenet5.onnx");
    private static final String NPU = TestData.inCheckout("samples/npu/edge-npu-8tops.yaml").toString();

    /** ONNX Runtime's own profile of lenet5 as the file stands (nodes under their ONNX names), three runs. */
    private Path ortProfile() throws Exception {
        byte[] bytes = Files.readAllBytes(LENET);
        Model m = OnnxReader.read(LENET);
        try (OrtRunner r = OrtRunner.open(bytes, LENET.toString(), OrtRunner.Options.DETERMINISTIC, dir.resolve("ort"))) {
            Map<String, org.npustudio.ir.Tensor> in = RandomInputs.forGraph(m.graph(), 0);
            try (OnnxTensor t = OrtTensors.toOrt(OrtRunner.environment(), in.get("input"))) {
                for (int i = 0; i < 3; i++) {
                    try (OrtSession.Result res = r.runRaw(Map.of("input", t), Set.copyOf(r.outputNames()))) {
                        assertFalse(res.size() == 0);
                    }
                }
            }
            return r.endProfiling();
        }
    }

    private static int distinctColours(Path png) throws Exception {
        BufferedImage img = ImageIO.read(png.toFile());
        Set<Integer> c = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) for (int x = 0; x < img.getWidth(); x += 2) c.add(img.getRGB(x, y));
        return c.size();
    }

    @Test
    void anOnnxRuntimeProfileColoursEveryNodeOfLenet() throws Exception {
        Path trace = ortProfile();
        Path out = dir.resolve("lenet-ort.png");
        CliRun r = CliRun.of("render", LENET.toString(), "--overlay", trace.toString(), "-o", out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("overlay " + trace + ": 12 of 12 nodes matched (0 entries unmatched)"), r.out());
        assertTrue(Files.size(out) > 0);

        Path plain = dir.resolve("lenet.png");
        assertEquals(0, CliRun.of("render", LENET.toString(), "-o", plain.toString()).status());
        assertTrue(distinctColours(out) > distinctColours(plain), "the overlay adds the scale's colours and a legend");
    }

    @Test
    void modelExplorerDataFromReportIsReadBack() throws Exception {
        Path reportDir = dir.resolve("report");
        CliRun rep = CliRun.of("report", LENET.toString(), "--npu", NPU, "-o", reportDir.toString());
        assertEquals(0, rep.status(), rep.err());
        Path me = reportDir.resolve("model-explorer.json");
        Path out = dir.resolve("lenet-me.svg");
        CliRun r = CliRun.of("render", LENET.toString(), "--overlay", me.toString(), "-o", out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("overlay " + me + ": 12 of 12 nodes matched (0 entries unmatched)"), r.out());
        assertTrue(Files.readString(out).contains("model-explorer.json: value"), "legend titled by the file");
    }

    @Test
    void aFileForAnotherModelIsRefusedInOneLine() throws Exception {
        Path reportDir = dir.resolve("encoder-report");
        assertEquals(0, CliRun.of("report", TestData.inCheckout("samples/models/transformer-encoder.onnx").toString(), "--npu", NPU, "-o",
                reportDir.toString()).status());
        Path out = dir.resolve("wrong.png");
        CliRun r = CliRun.of("render", LENET.toString(), "--overlay", reportDir.resolve("model-explorer.json").toString(), "-o", out.toString());
        assertEquals(2, r.status(), r.out());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("names a node of") && r.err().contains("another model"), r.err());
        assertFalse(Files.exists(out), "nothing drawn");
    }

    @Test
    void aPartlyMatchingFileCountsWhatDidNotMatch() throws Exception {
        // The MLP's /fc1/Gemm and /fc2/Gemm are names lenet5 has too (both PyTorch exports); its /relu/Relu is not.
        Path reportDir = dir.resolve("mlp-report");
        assertEquals(0, CliRun.of("report", TestData.inCheckout("samples/models/mlp.onnx").toString(), "--npu", NPU, "-o", reportDir.toString()).status());
        Path me = reportDir.resolve("model-explorer.json");
        CliRun r = CliRun.of("render", LENET.toString(), "--overlay", me.toString(), "-o", dir.resolve("part.png").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("overlay " + me + ": 2 of 12 nodes matched (1 entry unmatched)"), r.out());
    }

    @Test
    void aFileThatIsNeitherFormatIsNamed() throws Exception {
        Path bad = Files.writeString(dir.resolve("x.json"), "{\"hello\": 1}");
        CliRun r = CliRun.of("render", LENET.toString(), "--overlay", bad.toString(), "-o", dir.resolve("x.png").toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains(bad + ": neither an ONNX Runtime profile"), r.err());
    }
}
