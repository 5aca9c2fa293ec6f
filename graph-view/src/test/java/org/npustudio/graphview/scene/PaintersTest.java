package org.npustudio.graphview.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The primitives charts added to the painter (circles, anchored text, tooltips) in the SVG and AWT painters. */
class PaintersTest {
    private static final int RED = 0xFFE53935;

    private static Document svg(java.util.function.Consumer<Painter> drawing, boolean fitText) throws Exception {
        StringBuilder out = new StringBuilder();
        SvgPainter.open(out, 0, 0, 200, 100);
        drawing.accept(new SvgPainter(out, fitText));
        out.append("</svg>");
        var f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void svgWritesCirclesAnchorsAndATooltipOnTheNextElementOnly() throws Exception {
        Document d = svg(p -> {
            p.tooltip("conv1 <Conv>");
            p.fillCircle(50, 40, 3, RED);
            p.fillRect(0, 0, 10, 10, RED);
            p.text("end", 100, 50, 11, false, 0xFF000000, Painter.Anchor.END);
            p.text("start", 100, 70, 11, false, 0xFF000000);
        }, false);
        Element circle = (Element) d.getElementsByTagName("circle").item(0);
        assertEquals("50", circle.getAttribute("cx"));
        assertEquals("3", circle.getAttribute("r"));
        assertEquals("conv1 <Conv>", circle.getElementsByTagName("title").item(0).getTextContent(), "escaped and read back");
        assertEquals(1, d.getElementsByTagName("title").getLength(), "the tooltip belongs to the circle alone");
        Element end = (Element) d.getElementsByTagName("text").item(0);
        Element start = (Element) d.getElementsByTagName("text").item(1);
        assertEquals("end", end.getAttribute("text-anchor"));
        assertFalse(start.hasAttribute("text-anchor"), "start is SVG's default: the graph export's text is unchanged");
        assertFalse(start.hasAttribute("textLength"), "fitting text is the caller's choice");
    }

    @Test
    void svgFitsTextToTheMeasuredWidthWhenAsked() throws Exception {
        Element t = (Element) svg(p -> p.text("LayerNormalization", 10, 10, 11, true, 0xFF000000), true).getElementsByTagName("text").item(0);
        assertEquals(Painter.textWidth("LayerNormalization", 11, true), Double.parseDouble(t.getAttribute("textLength")), 0.01);
        assertEquals("spacingAndGlyphs", t.getAttribute("lengthAdjust"));
    }

    @Test
    void awtFillsCirclesAndEndsEndAnchoredTextAtX() {
        BufferedImage img = AwtPainter.image(200, 100, 0xFFFFFFFF, 0, 0, 1, p -> {
            p.fillCircle(30, 30, 6, RED);
            p.text("MMMMMM", 150, 80, 14, true, 0xFF000000, Painter.Anchor.END);
            p.text("MMMMMM", 150, 50, 14, true, 0xFF000000, Painter.Anchor.MIDDLE);
        });
        assertEquals(RED, img.getRGB(30, 30));
        assertEquals(0xFFFFFFFF, img.getRGB(30, 38), "outside the radius");
        int[] end = inkColumns(img, 68, 80);
        assertTrue(end[1] <= 151 && end[1] >= 140, "end-anchored text ends at x: ink up to " + end[1]);
        int[] middle = inkColumns(img, 38, 50);
        assertEquals(150, (middle[0] + middle[1]) / 2.0, 3, "middle-anchored text is centred on x: " + middle[0] + ".." + middle[1]);
    }

    /** First and last column with dark pixels between rows y0 and y1. */
    private static int[] inkColumns(BufferedImage img, int y0, int y1) {
        int first = Integer.MAX_VALUE, last = -1;
        for (int x = 0; x < img.getWidth(); x++) {
            for (int y = y0; y <= y1; y++) {
                if ((img.getRGB(x, y) & 0xFF) < 128) {
                    first = Math.min(first, x);
                    last = Math.max(last, x);
                }
            }
        }
        return new int[] {first, last};
    }
}
