package org.npustudio.graphview.layout;

/**
 * A graph and the layout computed for it, handed to the next layout of an edited version of the graph so
 * nodes with the same {@link LayoutGraph#key key} stay where they were.
 */
public record PreviousLayout(LayoutGraph graph, LayoutResult result) {
    public PreviousLayout {
        if (!graph.hasKeys()) throw new IllegalArgumentException("stable re-layout needs node keys");
        if (graph.nodeCount() != result.nodeCount()) throw new IllegalArgumentException("result does not belong to graph");
    }
}
