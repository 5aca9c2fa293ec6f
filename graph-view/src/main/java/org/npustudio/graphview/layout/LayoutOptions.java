package org.npustudio.graphview.layout;

/**
 * Settings of the layered layout. Spacings are in the same units as node sizes (pixels at zoom 1).
 *
 * @param direction         flow direction
 * @param nodeSpacing       gap between neighbouring nodes of one layer
 * @param layerSpacing      gap between consecutive layers
 * @param edgeSpacing       gap reserved around the dummy node of a long edge (its "width")
 * @param crossingSweeps    upper bound on barycenter sweep iterations (a down and an up sweep each)
 * @param crossingWorkLimit upper bound on edge visits spent in crossing reduction, so huge graphs stay fast
 * @param groupSplitThreshold groups with more direct children than this are split into artificial sub-groups
 */
public record LayoutOptions(Direction direction, double nodeSpacing, double layerSpacing, double edgeSpacing,
                            int crossingSweeps, long crossingWorkLimit, int groupSplitThreshold) {

    public LayoutOptions {
        if (direction == null) throw new IllegalArgumentException("direction is null");
        if (nodeSpacing < 0 || layerSpacing < 0 || edgeSpacing < 0) throw new IllegalArgumentException("negative spacing");
        if (crossingSweeps < 0 || crossingWorkLimit < 0) throw new IllegalArgumentException("negative crossing budget");
        if (groupSplitThreshold < 2) throw new IllegalArgumentException("groupSplitThreshold must be >= 2");
    }

    /** Netron-like defaults: top to bottom, 20 px between nodes, 40 px between layers, groups split above 400 children. */
    public static LayoutOptions defaults() {
        return new LayoutOptions(Direction.TOP_TO_BOTTOM, 20, 40, 10, 24, 60_000_000L, 400);
    }

    public LayoutOptions withDirection(Direction d) {
        return new LayoutOptions(d, nodeSpacing, layerSpacing, edgeSpacing, crossingSweeps, crossingWorkLimit, groupSplitThreshold);
    }

}
