package org.npustudio.graphview.diff;

import java.util.List;
import org.npustudio.diff.ModelDiff;
import org.npustudio.diff.NodeDiff;
import org.npustudio.diff.NodeState;
import org.npustudio.graphview.scene.Overlay;

/**
 * Overlays that colour a diff's nodes by state: on the old graph (same, changed, deleted), on the new
 * graph (same, changed, new), and on the {@link MergedGraph} (all four, deleted ones as ghosts).
 */
public final class DiffOverlays {
    private DiffOverlays() {}

    public static Overlay before(ModelDiff d) {
        Overlay.Builder b = Overlay.builder();
        for (NodeDiff r : d.rows()) if (r.oldId() != null) style(b, r.oldId(), r.state());
        return b.legend("Before", DiffPalette.legendEntries(List.of(NodeState.SAME, NodeState.CHANGED, NodeState.DELETED), counts(d)))
                .build();
    }

    public static Overlay after(ModelDiff d) {
        Overlay.Builder b = Overlay.builder();
        for (NodeDiff r : d.rows()) if (r.newId() != null) style(b, r.newId(), r.state());
        return b.legend("After", DiffPalette.legendEntries(List.of(NodeState.SAME, NodeState.CHANGED, NodeState.NEW), counts(d)))
                .build();
    }

    /** Deleted nodes are keyed by their ghost ids in {@code m}; the edges they produce are faded red. */
    public static Overlay merged(ModelDiff d, MergedGraph m) {
        Overlay.Builder b = Overlay.builder();
        for (NodeDiff r : d.rows()) {
            if (r.state() != NodeState.DELETED) {
                style(b, r.newId(), r.state());
                continue;
            }
            String ghost = m.ghostIdOf(r.oldId());
            if (ghost == null) continue;
            b.fill(ghost, DiffPalette.GHOST_FILL).border(ghost, DiffPalette.DELETED, 1.5).badge(ghost, DiffPalette.badge(NodeState.DELETED));
        }
        for (String v : m.ghostValues()) b.edge(v, DiffPalette.GHOST_EDGE, 0);
        List<NodeState> all = List.of(NodeState.SAME, NodeState.CHANGED, NodeState.NEW, NodeState.DELETED);
        return b.legend("Changes", DiffPalette.legendEntries(all, counts(d))).build();
    }

    private static void style(Overlay.Builder b, String key, NodeState s) {
        b.fill(key, DiffPalette.fill(s));
        String badge = DiffPalette.badge(s);
        if (badge != null) b.badge(key, badge);
    }

    private static long[] counts(ModelDiff d) {
        long[] c = new long[NodeState.values().length];
        for (NodeDiff r : d.rows()) c[r.state().ordinal()]++;
        return c;
    }
}
