package org.npustudio.graphview.scene;

/**
 * The colours and the size factor a scene is drawn with. {@link #STANDARD} is the normal look (and the only one
 * exporters use); {@link #highContrast} is for a projector: black ground, light edges, a yellow selection.
 * {@code scale} multiplies every stroke width, arrow head and screen-size text (legend, badges, outline and
 * group labels); the view also zooms by it so node text reads that much larger (docs/lessons.md, "Presenter mode").
 * Colours are 0xAARRGGBB like {@link Colors}; {@code veil} is laid over everything outside a spotlight.
 */
public record SceneTheme(int background, int edge, int edgeLabel, int nodeBorder, int initializerBorder, int bodyFill,
                         int bodyText, int selection, int hover, int searchHit, int groupFill, int groupBorder,
                         int groupLabel, int groupToggleFill, int legendFill, int legendText, int veil, double scale) {
    public static final SceneTheme STANDARD = new SceneTheme(Colors.BACKGROUND, Colors.EDGE, Colors.EDGE_LABEL,
            Colors.NODE_BORDER, Colors.INITIALIZER_BORDER, 0xFFFFFFFF, 0xFF3A414A, Colors.SELECTION, Colors.HOVER,
            Colors.SEARCH_HIT, Colors.GROUP_FILL, Colors.GROUP_BORDER, Colors.GROUP_LABEL, 0xFFFFFFFF, Colors.LEGEND_FILL,
            Colors.LEGEND_TEXT, 0xB3F7F8FA, 1);

    public SceneTheme {
        if (!(scale >= 1 && scale <= 4)) throw new IllegalArgumentException("theme scale must be within 1..4: " + scale);
    }

    /** The projector theme at this size factor. */
    public static SceneTheme highContrast(double scale) {
        return new SceneTheme(0xFF000000, 0xFFE8E8E8, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFBFC5CC, 0xFFFFFFFF, 0xFF000000,
                0xFFFFD400, 0xFF00E5FF, 0xFFFF4FD8, 0x26FFFFFF, 0xCCFFFFFF, 0xFFFFE680, 0xFF000000, 0xF2000000, 0xFFFFFFFF,
                0xC8000000, scale);
    }

    public boolean isStandard() { return equals(STANDARD); }
}
