package org.npustudio.graphview.layout;

/**
 * Text measurement without a UI toolkit: advance widths of Helvetica / Arial / Liberation Sans (metric
 * compatible fonts), regular and bold, in 1/1000 em for printable ASCII; other characters count as an average
 * glyph. The renderer draws node labels with one of these fonts at the same sizes, so boxes fit their text.
 */
public final class LabelMetrics {
    private static final int[] REGULAR = {
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space .. /
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 .. ?
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ .. O
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P .. _
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` .. o
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,      // p .. ~
    };
    private static final int[] BOLD = {
        278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
        975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
        333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
        611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
    };
    private static final int OTHER = 584;

    private final double titleSize;
    private final double bodySize;

    /** @param titleSize font size (px) of the bold title line; bodySize of the other lines */
    public LabelMetrics(double titleSize, double bodySize) {
        this.titleSize = titleSize;
        this.bodySize = bodySize;
    }

    /** 12 px bold titles and 10 px details, as the graph view draws them. */
    public static LabelMetrics standard() { return new LabelMetrics(12, 10); }

    public double titleSize() { return titleSize; }

    public double bodySize() { return bodySize; }

    /** Advance width of a text in pixels at the given font size. */
    public static double width(String text, double fontSize, boolean bold) {
        int[] table = bold ? BOLD : REGULAR;
        long units = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            units += c >= 32 && c < 32 + table.length ? table[c - 32] : OTHER;
        }
        return units * fontSize / 1000.0;
    }

    public double titleWidth(String text) { return width(text, titleSize, true); }

    public double bodyWidth(String text) { return width(text, bodySize, false); }

    /** Line advance: 1.25 times the font size, the usual line height of these fonts. */
    public double titleLineHeight() { return Math.ceil(titleSize * 1.25); }

    public double bodyLineHeight() { return Math.ceil(bodySize * 1.25); }
}
