package org.npustudio.npusim.work;

/**
 * Why a node's cost cannot be known. Such a node is reported as "not costed" ("?" in tables, null in
 * JSON), never as zero, and totals count it so their sums read as lower bounds.
 */
public enum Uncosted {
    UNKNOWN_SHAPE("unknown shape"),
    OPAQUE_OP("opaque op"),
    UNKNOWN_TRIP_COUNT("unknown trip count");

    private final String label;

    Uncosted(String label) { this.label = label; }

    public String label() { return label; }
}
