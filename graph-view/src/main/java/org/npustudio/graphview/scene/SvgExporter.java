package org.npustudio.graphview.scene;

/** Writes a scene with its overlay as a standalone SVG document (headless). */
public final class SvgExporter {
    private SvgExporter() {}

    public static String export(GraphScene scene, Overlay overlay, ExportOptions options) {
        double[] b = options.bounds(scene);
        double w = b[2] - b[0], h = b[3] - b[1];
        StringBuilder out = new StringBuilder(256 + scene.nodeCount() * 300);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        SvgPainter.open(out, b[0], b[1], w, h);
        SvgPainter painter = new SvgPainter(out);
        painter.fillRect(b[0], b[1], w, h, Colors.BACKGROUND);
        SvgPainter.openFontGroup(out);
        Overlay.Resolved resolved = overlay.resolve(scene);
        new SceneDrawer().draw(scene, resolved, DrawOptions.export(options.edgeLabels()), painter, 1, b[0], b[1], b[2], b[3]);
        if (overlay.legend() != null) {
            double[] size = SceneDrawer.legendSize(overlay.legend(), 1);
            SceneDrawer.drawLegend(painter, overlay.legend(), b[2] - size[0] - 10, b[1] + 10, 1);
        }
        out.append("</g>\n</svg>\n");
        return out.toString();
    }
}
