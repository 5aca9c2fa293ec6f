package org.npustudio.graphview.scene;

import java.util.BitSet;

/**
 * What to emphasise when drawing a scene.
 *
 * @param edgeLabels draw tensor shapes on edges (when zoomed in far enough)
 * @param selected   selected node index or -1
 * @param hovered    node under the pointer or -1
 * @param hits       search hits to outline (may be empty)
 * @param marked     nodes of a multi-selection to outline (may be empty)
 * @param spotlight  nodes to keep bright while everything else is dimmed (empty: no spotlight)
 */
public record DrawOptions(boolean edgeLabels, int selected, int hovered, BitSet hits, BitSet marked, BitSet spotlight) {
    public static final DrawOptions PLAIN = new DrawOptions(false, -1, -1, new BitSet());

    public DrawOptions {
        hits = hits == null ? new BitSet() : hits;
        marked = marked == null ? new BitSet() : marked;
        spotlight = spotlight == null ? new BitSet() : spotlight;
    }

    public DrawOptions(boolean edgeLabels, int selected, int hovered, BitSet hits, BitSet marked) {
        this(edgeLabels, selected, hovered, hits, marked, null);
    }

    public DrawOptions(boolean edgeLabels, int selected, int hovered, BitSet hits) {
        this(edgeLabels, selected, hovered, hits, null, null);
    }

    public static DrawOptions export(boolean edgeLabels) { return new DrawOptions(edgeLabels, -1, -1, new BitSet()); }
}
