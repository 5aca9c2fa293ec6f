package org.npustudio.graphview.scene;

/**
 * One colour per op type, the same in every model and in every view: a known op type takes its family's
 * colour, the graph's node fill ({@link OpCategory}), so a Conv bar on the timeline is the Conv box's
 * dark blue; an op type no family knows takes a colour from a fixed palette chosen by a stable hash of its
 * name ({@link String#hashCode} is specified, so the choice never changes between runs or models). Charts
 * used to rank op types per model, which gave Conv blue in one model and orange in the next.
 */
public final class OpTypeColours {
    /** For unknown op types: mid-tones apart from the family fills (all readable under white text). */
    private static final int[] UNKNOWN = {0xFF8C6D1F, 0xFF1F7A8C, 0xFF8C1F5E, 0xFF4E8C1F, 0xFF5E1F8C, 0xFF8C3B1F,
        0xFF1F8C5A, 0xFF3B4E8C};

    private OpTypeColours() {}

    /** The op type's colour as 0xAARRGGBB. */
    public static int of(String opType) {
        OpCategory c = OpCategory.of(opType);
        if (c != OpCategory.OTHER) return c.fill();
        return UNKNOWN[Math.floorMod(opType.hashCode(), UNKNOWN.length)];
    }
}
