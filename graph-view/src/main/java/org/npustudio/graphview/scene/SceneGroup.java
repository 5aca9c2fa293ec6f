package org.npustudio.graphview.scene;

import org.npustudio.graphview.layout.HierarchicalLayout;

/**
 * An expanded name-scope group, drawn as a frame around its members with a title band on top that holds a
 * collapse toggle. (A collapsed group is a node of kind {@link NodeKind#GROUP} keyed by {@link #keyOf}.)
 *
 * @param path    scope path joined with '/', e.g. {@code layer1/layer1.0}
 * @param label   the last segment, shown on the box
 * @param depth   1 for top-level scopes
 * @param members number of nodes inside, at any depth
 */
public record SceneGroup(String path, String label, int depth, double x, double y, double width, double height, int members) {
    /** Height of the title band (the layout reserves it above a group's members). */
    public static final double HEADER = HierarchicalLayout.GROUP_HEADER;
    /** Side of the square expand/collapse toggle, and its inset from the box's top-left corner. */
    public static final double TOGGLE = 12;
    public static final double TOGGLE_INSET = 5;

    /** The node key of this group when it is collapsed; selections and overlays of whole groups use it. */
    public static String keyOf(String path) { return "group:" + path; }

    public String key() { return keyOf(path); }

    public boolean contains(double px, double py) {
        return px >= x && py >= y && px <= x + width && py <= y + height;
    }

    /** Whether a point lies in the title band. */
    public boolean headerContains(double px, double py) {
        return px >= x && px <= x + width && py >= y && py <= y + Math.min(HEADER, height);
    }

    /** Whether a point lies on the toggle (with a few units of slack: it is a small target). */
    public boolean toggleContains(double px, double py) { return onToggle(x, y, px, py); }

    /** The toggle of a box whose top-left corner is (bx, by): frames and collapsed group nodes share the spot. */
    public static boolean onToggle(double bx, double by, double px, double py) {
        double slack = 3;
        return px >= bx + TOGGLE_INSET - slack && px <= bx + TOGGLE_INSET + TOGGLE + slack
                && py >= by + TOGGLE_INSET - slack && py <= by + TOGGLE_INSET + TOGGLE + slack;
    }
}
