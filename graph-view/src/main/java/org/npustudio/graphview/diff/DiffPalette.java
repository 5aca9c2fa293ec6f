package org.npustudio.graphview.diff;

import java.util.List;
import org.npustudio.diff.NodeState;
import org.npustudio.graphview.scene.Overlay;

/**
 * The diff colours, the same in every view and export: same grey, changed orange, new green, deleted red
 * (IGV's convention). Each state also gets a one-character badge so the states read without colour.
 */
public final class DiffPalette {
    private DiffPalette() {}

    public static final int SAME = 0xFFD0D5DB;
    public static final int CHANGED = 0xFFF59E0B;
    public static final int NEW = 0xFF2EA44F;
    public static final int DELETED = 0xFFE5484D;
    /** Deleted nodes drawn among the survivors: translucent, outlined. */
    public static final int GHOST_FILL = 0x40E5484D;
    public static final int GHOST_EDGE = 0x99E5484D;

    public static int fill(NodeState s) {
        return switch (s) {
            case SAME -> SAME;
            case CHANGED -> CHANGED;
            case NEW -> NEW;
            case DELETED -> DELETED;
        };
    }

    /** "~" changed, "+" new, "−" deleted; none for unchanged nodes. */
    public static String badge(NodeState s) {
        return switch (s) {
            case SAME -> null;
            case CHANGED -> "~";
            case NEW -> "+";
            case DELETED -> "\u2212";
        };
    }

    public static String label(NodeState s) {
        return switch (s) {
            case SAME -> "same";
            case CHANGED -> "changed";
            case NEW -> "new";
            case DELETED -> "deleted";
        };
    }

    /** Legend rows for {@code states} in the given order, with their counts (indexed by ordinal) when non-null. */
    public static List<Overlay.LegendEntry> legendEntries(List<NodeState> states, long[] counts) {
        return states.stream()
                .map(s -> new Overlay.LegendEntry(label(s) + (counts == null ? "" : " (" + counts[s.ordinal()] + ")"), fill(s)))
                .toList();
    }
}
