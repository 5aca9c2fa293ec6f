package org.npustudio.graphview.scene;

/**
 * Sizes shared by every renderer. Node text matches the layout's label metrics (12 px bold titles,
 * 10 px details, 8/5 px padding) so labels fit the boxes the layout sized for them.
 */
public final class SceneStyle {
    private SceneStyle() {}

    public static final double TITLE_SIZE = 12;
    public static final double BODY_SIZE = 10;
    public static final double PAD_X = 8;
    public static final double PAD_Y = 5;
    public static final double TITLE_LINE = Math.ceil(TITLE_SIZE * 1.25);
    public static final double BODY_LINE = Math.ceil(BODY_SIZE * 1.25);
    public static final double CORNER = 6;
    public static final double ARROW = 7;
    public static final double EDGE_WIDTH = 1.2;
    public static final double EDGE_LABEL_SIZE = 9;

    /** Font families in order of preference: Helvetica metrics (the layout measures with them), then a fallback. */
    public static final String[] FONT_FAMILIES = {"Liberation Sans", "Arial", "Helvetica", "Nimbus Sans", "Nimbus Sans L", "DejaVu Sans"};
    /** How many of {@link #FONT_FAMILIES} have Helvetica's metrics; text in a later one is squeezed to the reserved width. */
    public static final int HELVETICA_METRIC_FAMILIES = 5;

    // Zoom thresholds (screen pixels per world unit) for level of detail.
    /** Titles appear from here on. */
    public static final double TITLE_ZOOM = 0.45;
    /** Detail lines (attributes, shapes) appear from here on. */
    public static final double DETAIL_ZOOM = 0.7;
    /** Arrow heads and rounded corners appear from here on. */
    public static final double SHAPE_ZOOM = 0.3;
    /** Edge shape labels (when enabled) appear from here on. */
    public static final double EDGE_LABEL_ZOOM = 0.85;
}
