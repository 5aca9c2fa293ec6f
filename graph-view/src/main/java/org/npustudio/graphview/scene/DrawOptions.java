package org.npustudio.graphview.scene;

import java.util.BitSet;

/**
 * What to emphasise when drawing a scene.
 *
 * @param edgeLabels draw tensor shapes on edges (when zoomed in far enough)
 * @param selected   selected node index or -1
 * @param hovered    node under the pointer or -1
 * @param hits       search hits to outline (may be empty)
 */
public record DrawOptions(boolean edgeLabels, int selected, int hovered, BitSet hits) {
    public static final DrawOptions PLAIN = new DrawOptions(false, -1, -1, new BitSet());

    public DrawOptions {
        hits = hits == null ? new BitSet() : hits;
    }

    public static DrawOptions export(boolean edgeLabels) { return new DrawOptions(edgeLabels, -1, -1, new BitSet()); }
}
