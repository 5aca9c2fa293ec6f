package org.npustudio.graphview.layout;

/**
 * Absolute positions of a grouped drawing: visible nodes, visible group boxes (collapsed ones stand in for
 * their members, expanded ones frame them) and one polyline per edge between visible boxes; edges inside a
 * collapsed group have no polyline.
 */
public final class HierarchicalResult {
    final boolean[] nodeVisible;
    final double[] nodeX, nodeY, nodeW, nodeH;
    final boolean[] groupVisible;
    final boolean[] groupExpanded;
    final double[] groupX, groupY, groupW, groupH;
    final double[][] edgePoints;
    final double width, height;

    HierarchicalResult(int nodes, int groups, int edges) {
        nodeVisible = new boolean[nodes];
        nodeX = new double[nodes];
        nodeY = new double[nodes];
        nodeW = new double[nodes];
        nodeH = new double[nodes];
        groupVisible = new boolean[groups];
        groupExpanded = new boolean[groups];
        groupX = new double[groups];
        groupY = new double[groups];
        groupW = new double[groups];
        groupH = new double[groups];
        edgePoints = new double[edges][];
        width = 0;
        height = 0;
    }

    private HierarchicalResult(HierarchicalResult r, double width, double height) {
        nodeVisible = r.nodeVisible;
        nodeX = r.nodeX;
        nodeY = r.nodeY;
        nodeW = r.nodeW;
        nodeH = r.nodeH;
        groupVisible = r.groupVisible;
        groupExpanded = r.groupExpanded;
        groupX = r.groupX;
        groupY = r.groupY;
        groupW = r.groupW;
        groupH = r.groupH;
        edgePoints = r.edgePoints;
        this.width = width;
        this.height = height;
    }

    HierarchicalResult withSize(double w, double h) { return new HierarchicalResult(this, w, h); }

    public boolean isNodeVisible(int node) { return nodeVisible[node]; }

    public double nodeX(int node) { return nodeX[node]; }

    public double nodeY(int node) { return nodeY[node]; }

    public double nodeWidth(int node) { return nodeW[node]; }

    public double nodeHeight(int node) { return nodeH[node]; }

    /** Group 0 (the root) is never visible as a box. */
    public boolean isGroupVisible(int group) { return groupVisible[group]; }

    public boolean isGroupExpanded(int group) { return groupExpanded[group]; }

    public double groupX(int group) { return groupX[group]; }

    public double groupY(int group) { return groupY[group]; }

    public double groupWidth(int group) { return groupW[group]; }

    public double groupHeight(int group) { return groupH[group]; }

    /** Polyline x0,y0,x1,y1,... from source box to target box, or null when the edge is hidden in a group. */
    public double[] edgePoints(int edge) { return edgePoints[edge]; }

    public int edgeCount() { return edgePoints.length; }

    public double width() { return width; }

    public double height() { return height; }
}
