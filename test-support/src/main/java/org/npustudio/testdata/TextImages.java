package org.npustudio.testdata;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Seeded images of printed text (the inputs OCR models are trained on): dark words on a light, slightly
 * noisy background, some upside down (the PP-OCR direction classifier's second class), as PNG files.
 */
public final class TextImages {
    private static final String[] WORDS = {"invoice", "TOTAL 42.50", "Quantization", "NPU Studio", "2026-12-06", "receipt no. 1187",
        "Hello world", "ONNX Runtime", "depthwise", "int8 / fp16", "SQNR 30 dB", "MobileNet", "tensor", "calibration"};

    private TextImages() {}

    public static void write(Path dir, int count, int width, int height, long seed) throws Exception {
        Files.createDirectories(dir);
        Random r = new Random(seed);
        for (int i = 0; i < count; i++) {
            BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            int bg = 200 + r.nextInt(56);
            g.setColor(new Color(bg, bg - r.nextInt(20), bg - r.nextInt(30)));
            g.fillRect(0, 0, width, height);
            int lines = height > 100 ? 3 + r.nextInt(6) : 1;
            for (int l = 0; l < lines; l++) {
                int size = height > 100 ? 14 + r.nextInt(30) : (int) (height * (0.5 + 0.3 * r.nextDouble()));
                g.setFont(new Font(Font.SANS_SERIF, r.nextBoolean() ? Font.BOLD : Font.PLAIN, size));
                int ink = r.nextInt(80);
                g.setColor(new Color(ink, ink, ink + r.nextInt(60)));
                String text = WORDS[r.nextInt(WORDS.length)] + (height > 100 ? " " + WORDS[r.nextInt(WORDS.length)] : "");
                int x = r.nextInt(Math.max(1, width / 4)), y = height > 100 ? size + r.nextInt(Math.max(1, height - size)) : (height + size) / 2 - 4;
                g.drawString(text, x, y);
            }
            g.dispose();
            if (height <= 100 && r.nextInt(3) == 0) img = rotate180(img);
            for (int n = 0; n < width * height / 50; n++) {
                int x = r.nextInt(width), y = r.nextInt(height), v = r.nextInt(256);
                img.setRGB(x, y, new Color(v, v, v).getRGB());
            }
            ImageIO.write(img, "png", dir.resolve(String.format("text_%03d.png", i)).toFile());
        }
    }

    private static BufferedImage rotate180(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < src.getHeight(); y++) {
            for (int x = 0; x < src.getWidth(); x++) out.setRGB(src.getWidth() - 1 - x, src.getHeight() - 1 - y, src.getRGB(x, y));
        }
        return out;
    }
}
