package org.npustudio.graphview.scene;

/** Colours as 0xAARRGGBB ints, so headless exporters and the JavaFX canvas share one palette. */
public final class Colors {
    private Colors() {}

    public static final int BACKGROUND = 0xFFF7F8FA;
    public static final int EDGE = 0xFF7D8590;
    public static final int EDGE_LABEL = 0xFF4A525C;
    public static final int NODE_BORDER = 0x33000000;
    public static final int INITIALIZER_FILL = 0xFFF1F3F5;
    public static final int INITIALIZER_BORDER = 0xFF9AA3AD;
    public static final int SELECTION = 0xFFFF8A00;
    public static final int HOVER = 0xFF1E88E5;
    /** Search hits: magenta, a hue no overlay scale, partition, diff or op colour uses (SearchHighlightColourTest). */
    public static final int SEARCH_HIT = 0xFFFF00FF;
    public static final int GROUP_FILL = 0x0F2F62A8;
    public static final int GROUP_BORDER = 0x662F62A8;
    public static final int GROUP_LABEL = 0xFF2F4F7A;
    /** Header of a collapsed group's box, and the box at overview zoom. */
    public static final int GROUP_NODE = 0xFF3B5478;
    /** Members an overlay left unstyled, in a collapsed group's aggregate bar. */
    public static final int UNSTYLED_MEMBER = 0xFFD5DAE1;
    public static final int LEGEND_FILL = 0xF0FFFFFF;
    public static final int LEGEND_TEXT = 0xFF22272E;

    public static int rgb(int r, int g, int b) { return argb(255, r, g, b); }

    public static int argb(int a, int r, int g, int b) {
        return (clamp(a) << 24) | (clamp(r) << 16) | (clamp(g) << 8) | clamp(b);
    }

    /** Parses {@code #rrggbb} or {@code #aarrggbb}. */
    public static int parse(String hex) {
        String h = hex.startsWith("#") ? hex.substring(1) : hex;
        if (h.length() == 6) return 0xFF000000 | Integer.parseUnsignedInt(h, 16);
        if (h.length() == 8) return Integer.parseUnsignedInt(h, 16);
        throw new IllegalArgumentException("not a colour: " + hex);
    }

    public static int alpha(int argb) { return argb >>> 24; }

    public static int red(int argb) { return (argb >> 16) & 0xFF; }

    public static int green(int argb) { return (argb >> 8) & 0xFF; }

    public static int blue(int argb) { return argb & 0xFF; }

    /** {@code #rrggbb} (alpha dropped; exporters write it separately as opacity). */
    public static String hex(int argb) {
        return String.format("#%06x", argb & 0xFFFFFF);
    }

    /** Relative luminance (sRGB, WCAG formula) in [0, 1]. */
    public static double luminance(int argb) {
        return 0.2126 * linear(red(argb)) + 0.7152 * linear(green(argb)) + 0.0722 * linear(blue(argb));
    }

    /** White or near-black, whichever contrasts more with the given background. */
    public static int contrastingText(int background) {
        double l = luminance(background);
        double whiteContrast = 1.05 / (l + 0.05);
        double darkContrast = (l + 0.05) / (luminance(0xFF1B1F24) + 0.05);
        return whiteContrast >= darkContrast ? 0xFFFFFFFF : 0xFF1B1F24;
    }

    /** Mixes {@code a} towards {@code b} by t in [0, 1]; alpha of a is kept. */
    public static int mix(int a, int b, double t) {
        return argb(alpha(a), (int) Math.round(red(a) + (red(b) - red(a)) * t),
                (int) Math.round(green(a) + (green(b) - green(a)) * t),
                (int) Math.round(blue(a) + (blue(b) - blue(a)) * t));
    }

    private static double linear(int c) {
        double s = c / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }

    private static int clamp(int v) { return Math.max(0, Math.min(255, v)); }
}
