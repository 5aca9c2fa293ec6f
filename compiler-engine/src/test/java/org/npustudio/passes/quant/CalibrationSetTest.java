package org.npustudio.passes.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Model;
import org.npustudio.ir.Tensor;
import org.npustudio.passes.G;

/** Calibration inputs from folders of tensor files and from images, and the one-line errors for bad ones. */
class CalibrationSetTest {
    @TempDir Path dir;

    /** Two inputs a and b (1x4) added, then a 4→3 MatMul. */
    static Model twoInputs() {
        G g = new G(17).input("a", 1, 4).input("b", 1, 4).output("y");
        g.weight("w", -1, 1, 4, 3);
        g.node("add", "Add", "a,b", "s");
        g.node("mm", "MatMul", "s,w", "y");
        return g.build();
    }

    static void write(Path file, Tensor t) throws Exception {
        Files.createDirectories(file.getParent());
        Files.write(file, t.proto().toByteArray());
    }

    static Tensor floats(float v, long... dims) {
        int n = 1;
        for (long d : dims) n *= (int) d;
        float[] f = new float[n];
        java.util.Arrays.fill(f, v);
        return Tensor.ofFloats("t", dims, f);
    }

    @Test
    void multiInputFolderMatchesFilesByInputNameEitherLayout() throws Exception {
        Model m = twoInputs();
        for (int k = 0; k < 3; k++) {
            write(dir.resolve("flat/a_" + k + ".pb"), floats(k, 1, 4));
            write(dir.resolve("flat/b_" + k + ".pb"), floats(10 + k, 1, 4));
            write(dir.resolve("sub/a/s" + k + ".pb"), floats(k, 1, 4));
            write(dir.resolve("sub/b/s" + k + ".pb"), floats(10 + k, 1, 4));
        }
        for (String layout : new String[] {"flat", "sub"}) {
            CalibrationSet s = CalibrationSet.folder(m, dir.resolve(layout), Map.of());
            assertEquals(3, s.size());
            assertEquals(2f, s.feeds().get(2).get("a").toFloats()[0]);
            assertEquals(12f, s.feeds().get(2).get("b").toFloats()[0]);
            assertTrue(s.source().startsWith("3 tensor files from "), s.source());
            CalibrationSet[] split = s.holdOut();
            assertEquals(2, split[0].size());
            assertEquals(1, split[1].size());
            assertEquals(2f, split[1].feeds().get(0).get("a").toFloats()[0], "the held-out sample is not a calibration one");
        }
    }

    @Test
    void filesThatDoNotFitTheInputsFailInOneLineNamingFileInputAndProblem() throws Exception {
        Model m = twoInputs();
        write(dir.resolve("names/a_0.pb"), floats(1, 1, 4));
        write(dir.resolve("names/x_0.pb"), floats(1, 1, 4));
        StudioException e = assertThrows(StudioException.class, () -> CalibrationSet.folder(m, dir.resolve("names"), Map.of()));
        assertTrue(e.oneLine().contains("input 'b': no calibration files for this input") && e.oneLine().contains("inputs: a, b"), e.oneLine());

        write(dir.resolve("rank/a_0.pb"), floats(1, 4));
        write(dir.resolve("rank/b_0.pb"), floats(1, 1, 4));
        e = assertThrows(StudioException.class, () -> CalibrationSet.folder(m, dir.resolve("rank"), Map.of()));
        assertEquals(dir.resolve("rank/a_0.pb") + ": input 'a': rank 1 (4), the model's input 'a' has rank 2 ([1,4])", e.oneLine());

        write(dir.resolve("type/a_0.pb"), Tensor.ofLongs("t", new long[] {1, 4}, new long[4]));
        write(dir.resolve("type/b_0.pb"), floats(1, 1, 4));
        e = assertThrows(StudioException.class, () -> CalibrationSet.folder(m, dir.resolve("type"), Map.of()));
        assertEquals(dir.resolve("type/a_0.pb") + ": input 'a': element type INT64, the model's input 'a' is FLOAT", e.oneLine());

        write(dir.resolve("count/a_0.pb"), floats(1, 1, 4));
        write(dir.resolve("count/a_1.pb"), floats(1, 1, 4));
        write(dir.resolve("count/b_0.pb"), floats(1, 1, 4));
        e = assertThrows(StudioException.class, () -> CalibrationSet.folder(m, dir.resolve("count"), Map.of()));
        assertTrue(e.oneLine().endsWith("input 'b': 1 samples, but input 'a' has 2; every input needs one file per sample"), e.oneLine());
    }

    @Test
    void anEmptyFolderFailsInOneLine() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        Model single = QuantizePassTest.net(17);
        StudioException e = assertThrows(StudioException.class, () -> CalibrationSet.folder(single, dir.resolve("empty"), Map.of()));
        assertEquals(dir.resolve("empty") + ": the folder holds no .npy or .pb files", e.oneLine());
        e = assertThrows(StudioException.class, () -> ImageInputs.read(single, dir.resolve("empty"), ImageInputs.Spec.DEFAULT, Map.of()));
        assertEquals(dir.resolve("empty") + ": the folder holds no PNG/JPEG/BMP/GIF images", e.oneLine());
    }

    @Test
    void anImageThatDoesNotDecodeFailsInOneLineNamingIt() throws Exception {
        Files.createDirectories(dir.resolve("img"));
        Files.writeString(dir.resolve("img/broken.png"), "not a png at all");
        StudioException e = assertThrows(StudioException.class,
                () -> ImageInputs.read(QuantizePassTest.net(17), dir.resolve("img"), ImageInputs.Spec.DEFAULT, Map.of()));
        assertTrue(e.oneLine().startsWith(dir.resolve("img/broken.png") + ": "), e.oneLine());
        assertTrue(e.oneLine().contains("decod"), e.oneLine());
    }

    @Test
    void imagesAreResizedScaledNormalisedAndLaidOutAsAsked() throws Exception {
        Files.createDirectories(dir.resolve("px"));
        BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0xff0000); // red
        img.setRGB(1, 0, 0x0000ff); // blue
        ImageIO.write(img, "png", dir.resolve("px/a.png").toFile());
        Model nchw = new G(17).input("x", 1, 3, 1, 2).output("x").build();
        ImageInputs.Spec spec = new ImageInputs.Spec(0, 0, new double[] {0.5}, new double[] {0.5}, 1 / 255.0, false, false);
        Tensor t = ImageInputs.read(nchw, dir.resolve("px"), spec, Map.of()).feeds().get(0).get("x");
        // R plane (1, -1), G plane (-1, -1), B plane (-1, 1): (v/255 - 0.5)/0.5
        assertArrayEquals(new float[] {1, -1, -1, -1, -1, 1}, t.toFloats(), 1e-6f);
        Model nhwc = new G(17).input("x", 1, 1, 2, 3).output("x").build();
        ImageInputs.Spec bgr = new ImageInputs.Spec(0, 0, new double[] {0}, new double[] {1}, 1, true, true);
        t = ImageInputs.read(nhwc, dir.resolve("px"), bgr, Map.of()).feeds().get(0).get("x");
        assertArrayEquals(new float[] {0, 0, 255, 255, 0, 0}, t.toFloats(), 1e-6f);
    }
}
