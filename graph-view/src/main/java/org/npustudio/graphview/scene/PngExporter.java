package org.npustudio.graphview.scene;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import javax.imageio.ImageIO;

/**
 * Renders a scene to a PNG with java.awt (works with {@code java.awt.headless=true}, so the CLI needs
 * no display). Very large graphs are scaled down so the image stays within {@link #MAX_SIDE} pixels per
 * side and {@link #MAX_PIXELS} in total.
 */
public final class PngExporter {
    public static final int MAX_SIDE = 16_000;
    public static final long MAX_PIXELS = 64_000_000L;

    private PngExporter() {}

    public static BufferedImage render(GraphScene scene, Overlay overlay, ExportOptions options) {
        double[] b = options.bounds(scene);
        double scale = fitScale(b[2] - b[0], b[3] - b[1], options.scale());
        int[] pixels = imageSize(b[2] - b[0], b[3] - b[1], scale);
        int width = pixels[0];
        int height = pixels[1];
        return AwtPainter.image(width, height, Colors.BACKGROUND, b[0], b[1], scale, painter -> {
            new SceneDrawer().draw(scene, overlay.resolve(scene), DrawOptions.export(options.edgeLabels()), painter, scale,
                    b[0], b[1], b[2], b[3]);
            if (overlay.legend() != null) {
                double unit = 1 / scale;
                double[] size = SceneDrawer.legendSize(overlay.legend(), unit);
                SceneDrawer.drawLegend(painter, overlay.legend(), b[2] - size[0] - 10 * unit, b[1] + 10 * unit, unit);
            }
        });
    }

    public static void write(GraphScene scene, Overlay overlay, ExportOptions options, OutputStream out) throws IOException {
        write(render(scene, overlay, options), out);
    }

    /** Encodes an image as PNG. */
    public static void write(BufferedImage image, OutputStream out) throws IOException {
        if (!ImageIO.write(image, "png", out)) throw new IOException("no PNG writer available");
    }

    /** The requested scale, reduced so the image fits the pixel limits. */
    static double fitScale(double worldW, double worldH, double requested) {
        double s = requested;
        if (worldW * s > MAX_SIDE) s = MAX_SIDE / worldW;
        if (worldH * s > MAX_SIDE) s = MAX_SIDE / worldH;
        if (worldW * s * worldH * s > MAX_PIXELS) s = Math.sqrt(MAX_PIXELS / (worldW * worldH));
        return s;
    }

    /**
     * Pixel size of the image for a world size at a scale from {@link #fitScale}. Rounding up must not
     * break the caps: {@code MAX_SIDE / w * w} can come out a hair above MAX_SIDE, which ceil made one
     * pixel too many; what rounding adds is below a pixel, so clamping to the caps cuts nothing drawn.
     */
    static int[] imageSize(double worldW, double worldH, double scale) {
        int w = side(worldW * scale);
        int h = side(worldH * scale);
        if ((long) w * h > MAX_PIXELS) h = (int) Math.max(1, MAX_PIXELS / w);
        return new int[] {w, h};
    }

    private static int side(double px) {
        double up = Math.ceil(px - 1e-6); // a size within float noise of a whole pixel is that pixel
        return (int) Math.max(1, Math.min(MAX_SIDE, up));
    }
}
