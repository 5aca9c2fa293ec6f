package org.npustudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.app.TestModels;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class RenderCommandTest {
    @TempDir Path dir;

    private static Document svg(Path f) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(f.toFile());
    }

    private static List<String> texts(Document d) {
        List<String> out = new ArrayList<>();
        NodeList l = d.getElementsByTagName("text");
        for (int i = 0; i < l.getLength(); i++) out.add(l.item(i).getTextContent());
        return out;
    }

    @Test
    void rendersEveryOpAndEdgeOfATinyCnnToSvg() throws Exception {
        Path model = TestModels.write(TestModels.tinyCnn(), dir.resolve("tiny_cnn.onnx"));
        Path out = dir.resolve("out/tiny.svg");
        CliRun r = CliRun.of("render", model.toString(), "-o", out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("wrote " + out + ": 8 nodes, 8 edges"), r.out());
        Document d = svg(out);
        List<String> t = texts(d);
        assertEquals(2, t.stream().filter("Conv"::equals).count(), t.toString());
        assertEquals(2, t.stream().filter("Relu"::equals).count());
        assertTrue(t.containsAll(List.of("Add", "MaxPool", "x", "y", "1×4×4×4")), t.toString());
        assertFalse(t.contains("w1"), "initializers are hidden by default");
        // x→conv1, conv1→relu1, relu1→conv2, relu1→add, conv2→relu2, relu2→add, add→pool, pool→y
        assertEquals(8, d.getElementsByTagName("polyline").getLength());

        Path withWeights = dir.resolve("weights.svg");
        CliRun w = CliRun.of("render", model.toString(), "--initializers", "--shapes", "-o", withWeights.toString());
        assertEquals(0, w.status(), w.err());
        Document dw = svg(withWeights);
        assertTrue(texts(dw).containsAll(List.of("w1", "w2")), texts(dw).toString());
        assertEquals(10, dw.getElementsByTagName("polyline").getLength());
        assertTrue(texts(dw).contains("1×4×8×8"), "edge shape labels");
    }

    @Test
    void rendersPngInBothDirections() throws Exception {
        Path model = TestModels.write(TestModels.tinyCnn(), dir.resolve("tiny_cnn.onnx"));
        Path down = dir.resolve("down.png"), across = dir.resolve("across.png");
        assertEquals(0, CliRun.of("render", model.toString(), "-o", down.toString()).status());
        assertEquals(0, CliRun.of("render", model.toString(), "--horizontal", "--output", across.toString()).status());
        BufferedImage a = ImageIO.read(down.toFile()), b = ImageIO.read(across.toFile());
        assertTrue(a.getHeight() > a.getWidth(), "top to bottom is tall: " + a.getWidth() + "x" + a.getHeight());
        assertTrue(b.getWidth() > b.getHeight(), "left to right is wide: " + b.getWidth() + "x" + b.getHeight());
        assertTrue(Files.size(down) > 1000);
    }

    @Test
    void userErrorsAreOneLineAndStatusTwo() throws Exception {
        Path model = TestModels.write(TestModels.tinyCnn(), dir.resolve("tiny_cnn.onnx"));
        CliRun noOut = CliRun.of("render", model.toString());
        assertEquals(2, noOut.status());
        assertEquals(1, noOut.errLines().length, noOut.err());
        assertTrue(noOut.err().contains("missing -o"), noOut.err());

        CliRun badExt = CliRun.of("render", model.toString(), "-o", dir.resolve("x.jpg").toString());
        assertEquals(2, badExt.status());
        assertTrue(badExt.err().contains(".svg or .png"), badExt.err());

        CliRun missing = CliRun.of("render", dir.resolve("nope.onnx").toString(), "-o", dir.resolve("x.svg").toString());
        assertEquals(2, missing.status());
        assertEquals(1, missing.errLines().length, missing.err());
        assertFalse(Files.exists(dir.resolve("x.svg")));
    }
}
