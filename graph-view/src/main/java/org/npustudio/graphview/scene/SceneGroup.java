package org.npustudio.graphview.scene;

/**
 * A name-scope group drawn as a box around (or, collapsed, instead of) its members.
 *
 * @param path    scope path joined with '/', e.g. {@code layer1/layer1.0}
 * @param label   the last segment, shown on the box
 * @param depth   1 for top-level scopes
 * @param members number of operator nodes inside, at any depth
 */
public record SceneGroup(String path, String label, int depth, double x, double y, double width, double height, int members) {
    public boolean contains(double px, double py) {
        return px >= x && py >= y && px <= x + width && py <= y + height;
    }
}
