package org.npustudio.graphview.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ExportTest {
    private static GraphScene tiny() {
        GraphScene.Builder b = GraphScene.builder();
        int in = b.addNode("x", NodeKind.INPUT, 0, 0, 80, 30, "x", List.of("float32[1,3,8,8]"), OpCategory.INPUT_OUTPUT);
        int conv = b.addNode("conv<1>", NodeKind.OPERATOR, 0, 80, 120, 48, "Conv", List.of("kernel 3×3", "1×4×8×8"), OpCategory.CONV);
        int relu = b.addNode("relu", NodeKind.OPERATOR, 0, 180, 80, 30, "Relu & co", List.of(), OpCategory.ACTIVATION);
        b.addEdge(in, conv, new double[] {40, 30, 40, 80}, "x", "1×3×8×8");
        b.addEdge(conv, relu, new double[] {60, 128, 40, 180}, "c", "1×4×8×8");
        b.addGroup(new SceneGroup("block", "block", 1, -10, 70, 150, 150, 2));
        return b.build();
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Document d) {
        List<String> out = new ArrayList<>();
        NodeList l = d.getElementsByTagName("text");
        for (int i = 0; i < l.getLength(); i++) out.add(l.item(i).getTextContent());
        return out;
    }

    @Test
    void svgIsWellFormedAndDrawsEveryNodeLabelAndEdge() throws Exception {
        String svg = SvgExporter.export(tiny(), Overlay.NONE, ExportOptions.wholeGraph(true));
        Document d = parse(svg);
        Element root = d.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        // Scene spans x -10..140 and y 0..220, plus the margin on each side.
        assertEquals("-34 -24 198 268", root.getAttribute("viewBox"));
        List<String> t = texts(d);
        assertTrue(t.containsAll(List.of("x", "Conv", "kernel 3×3", "1×4×8×8", "Relu & co", "block")), t.toString());
        assertTrue(t.contains("1×3×8×8"), "edge shape label: " + t);
        assertEquals(2, d.getElementsByTagName("polyline").getLength());
        assertEquals(2, d.getElementsByTagName("polygon").getLength(), "one arrow head per edge");
        assertTrue(svg.contains("fill=\"" + Colors.hex(OpCategory.CONV.fill()) + "\""));
    }

    @Test
    void overlayColoursBadgesEdgesAndLegendReachTheSvg() throws Exception {
        Overlay o = Overlay.builder()
                .fill("conv<1>", Colors.rgb(0xE5, 0x39, 0x35))
                .border("relu", Colors.rgb(0, 0x99, 0), 4)
                .badge("conv<1>", "12.3 ms")
                .edge("c", Colors.rgb(0x12, 0x34, 0x56), 5)
                .legend("Latency", List.of(new Overlay.LegendEntry("slow", Colors.rgb(0xE5, 0x39, 0x35))))
                .build();
        String svg = SvgExporter.export(tiny(), o, ExportOptions.wholeGraph(false));
        Document d = parse(svg);
        assertTrue(svg.contains("fill=\"#e53935\""));
        assertTrue(svg.contains("stroke=\"#009900\" stroke-width=\"4\""));
        assertTrue(svg.contains("stroke=\"#123456\" stroke-width=\"5\""));
        List<String> t = texts(d);
        assertTrue(t.containsAll(List.of("12.3 ms", "Latency", "slow")), t.toString());
        assertTrue(!t.contains("1×3×8×8"), "edge labels were off");
    }

    @Test
    void regionExportCullsWhatIsOutside() throws Exception {
        String svg = SvgExporter.export(tiny(), Overlay.NONE, ExportOptions.region(false, -5, 150, 100, 230, 1));
        List<String> t = texts(parse(svg));
        assertTrue(t.contains("Relu & co"));
        assertTrue(!t.contains("kernel 3×3") && !t.contains("x"), t.toString());
    }

    @Test
    void pngHasTheCategoryColourInsideANodeAndTheBackgroundOutside() throws Exception {
        GraphScene s = tiny();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PngExporter.write(s, Overlay.NONE, ExportOptions.wholeGraph(false), out);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(198, img.getWidth());
        assertEquals(268, img.getHeight());
        // Image pixel = world - (minX - margin): the Conv header left of its title, and empty space.
        int convHeader = img.getRGB(0 + 4 + 34, 80 + 4 + 24);
        assertEquals(OpCategory.CONV.fill(), convHeader);
        assertEquals(Colors.BACKGROUND, img.getRGB(150 + 34, 5 + 24));

        Overlay red = Overlay.builder().fill("conv<1>", 0xFFE53935).build();
        BufferedImage recoloured = PngExporter.render(s, red, ExportOptions.wholeGraph(false));
        assertEquals(0xFFE53935, recoloured.getRGB(4 + 34, 84 + 24));
    }

    @Test
    void hugeScenesAreScaledDownToThePixelBudget() {
        double s = PngExporter.fitScale(200_000, 3_000, 1);
        assertTrue(200_000 * s <= PngExporter.MAX_SIDE + 1e-6);
        assertEquals(1, PngExporter.fitScale(800, 600, 1));
    }

    @Test
    void noImageSideIsEverAboveTheCapAtTheEdge() {
        // MAX_SIDE / w * w lands a hair above MAX_SIDE for some widths; plain ceil then gave 16,001 px.
        int roundedOver = 0;
        for (int i = 0; i < 200_000; i++) {
            double w = 16_000 + i * 0.731 + (i % 7) * 1e-3;
            double h = 40 + (i % 13) * 10.3;
            double s = PngExporter.fitScale(w, h, 1);
            if (Math.ceil(w * s) > PngExporter.MAX_SIDE) roundedOver++;
            int[] size = PngExporter.imageSize(w, h, s);
            assertTrue(size[0] <= PngExporter.MAX_SIDE && size[1] <= PngExporter.MAX_SIDE, w + " x " + h);
            assertTrue(size[0] >= PngExporter.MAX_SIDE - 1, "the cap is used, not undershot: " + size[0]);
            assertTrue((long) size[0] * size[1] <= PngExporter.MAX_PIXELS);
        }
        assertTrue(roundedOver > 0, "the loop reaches widths where rounding overshoots");
        // The pixel budget binds on square scenes: both sides and the product stay within the caps.
        for (double side : new double[] {8_000.3, 8_000.7, 12_345.678, 99_999.9}) {
            double s = PngExporter.fitScale(side, side, 1);
            int[] size = PngExporter.imageSize(side, side, s);
            assertTrue((long) size[0] * size[1] <= PngExporter.MAX_PIXELS, side + ": " + size[0] + " x " + size[1]);
        }
    }

    @Test
    void aSceneWiderThanTheCapRendersExactlyAtTheCap() {
        GraphScene.Builder b = GraphScene.builder();
        int prev = -1;
        for (int k = 0; k < 60; k++) {
            int n = b.addNode("n" + k, NodeKind.OPERATOR, k * 300.37, 0, 120, 48, "Relu", List.of(), OpCategory.ACTIVATION);
            if (prev >= 0) b.addEdge(prev, n, new double[] {(k - 1) * 300.37 + 120, 24, k * 300.37, 24}, "v" + k, "");
            prev = n;
        }
        BufferedImage img = PngExporter.render(b.build(), Overlay.NONE, ExportOptions.wholeGraph(false));
        assertTrue(img.getWidth() <= PngExporter.MAX_SIDE, "width " + img.getWidth());
        assertTrue(img.getWidth() >= PngExporter.MAX_SIDE - 1, "width " + img.getWidth());
    }
}
