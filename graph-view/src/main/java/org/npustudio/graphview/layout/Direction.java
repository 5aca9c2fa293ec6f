package org.npustudio.graphview.layout;

/** Main flow direction of a layered drawing: the axis along which layers are stacked. */
public enum Direction {
    TOP_TO_BOTTOM,
    LEFT_TO_RIGHT;

    /** Whether the layer axis is horizontal, i.e. width and height swap roles internally. */
    public boolean isHorizontal() { return this == LEFT_TO_RIGHT; }
}
