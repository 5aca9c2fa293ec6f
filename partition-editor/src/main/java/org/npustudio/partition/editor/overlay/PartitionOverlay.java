package org.npustudio.partition.editor.overlay;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.npustudio.graphview.scene.Overlay;
import org.npustudio.ir.GraphIndex;
import org.npustudio.ir.Node;
import org.npustudio.plan.PlanBinding;
import org.npustudio.plan.PlanIssue;
import org.npustudio.plan.ValidationReport;

/**
 * What a plan looks like on the graph: each partition's nodes filled with its colour and outlined with a
 * hull labelled {@code name · device}; the catch-all grey. An illegal partition's outline is red and its
 * label says why; a non-convex partition's offending path is drawn in red (its edges thick, the outside
 * nodes on it bordered); nodes a device cannot run carry a badge.
 */
public final class PartitionOverlay {
    private static final int LEGEND_ROWS = 8;   // more would run into the minimap

    private PartitionOverlay() {}

    public static Overlay build(PlanBinding b, ValidationReport report) {
        Overlay.Builder o = Overlay.builder();
        GraphIndex idx = b.index();
        Set<String> illegal = new HashSet<>();
        for (PlanIssue i : report.errors()) if (!i.partition().isEmpty()) illegal.add(i.partition());
        List<Overlay.LegendEntry> legend = new ArrayList<>();
        int rest = b.restIndex();
        for (int k = 0; k < b.partitionCount(); k++) {
            int[] members = b.members(k);
            int fill = k == rest ? PartitionColors.REST : PartitionColors.of(k);
            List<String> keys = new ArrayList<>(members.length);
            for (int i : members) {
                String id = idx.node(i).id();
                keys.add(id);
                o.fill(id, fill);
            }
            String name = b.name(k);
            boolean bad = illegal.contains(name);
            String label = name + " · " + b.partition(k).device() + (bad ? "  ✗ illegal" : "");
            if (k != rest && members.length > 0) {
                o.outline(label, keys, bad ? PartitionColors.ERROR : PartitionColors.outline(k), bad ? 3 : 2);
            } else if (k == rest && bad && members.length > 0) {
                o.outline(label, keys, PartitionColors.ERROR, 3);
            }
            if (legend.size() < LEGEND_ROWS) legend.add(new Overlay.LegendEntry(label + " (" + members.length + ")", fill));
        }
        if (b.partitionCount() > LEGEND_ROWS) {
            legend.add(new Overlay.LegendEntry("… " + (b.partitionCount() - LEGEND_ROWS) + " more", PartitionColors.REST));
        }
        o.legend("Partitions", legend);
        // a node at a precision of its own carries it as a tag; issue badges below take the place when both apply
        for (int k = 0; k < b.partitionCount(); k++) {
            var own = b.partition(k).precisions();
            if (own.isEmpty()) continue;
            for (int i : b.members(k)) {
                String id = idx.node(i).id();
                String key = own.get(id);
                if (key != null) o.badge(id, key);
            }
        }
        for (PlanIssue i : report.issues()) {
            switch (i.kind()) {
                case NON_CONVEX -> path(o, b, i);
                case UNSUPPORTED_OP, UNSUPPORTED_TYPE -> {
                    for (String id : i.nodes()) o.border(id, PartitionColors.ERROR, 2.5).badge(id, "✗ device");
                }
                default -> { }
            }
        }
        return o.build();
    }

    /** The path member → outside… → member: red edges between consecutive nodes, red borders on the outside nodes. */
    private static void path(Overlay.Builder o, PlanBinding b, PlanIssue issue) {
        List<String> ids = issue.nodes();
        int k = b.indexOfPartition(issue.partition());
        for (int j = 0; j < ids.size(); j++) {
            Node n = b.graph().nodeById(ids.get(j));
            if (n == null) continue;
            boolean outside = k >= 0 && b.partitionOf(b.index().indexOf(n)) != k;
            o.border(n.id(), PartitionColors.ERROR, outside ? 4 : 3);
            if (j == 0) o.badge(n.id(), "leaves " + issue.partition());
            else if (j == ids.size() - 1) o.badge(n.id(), "re-enters " + issue.partition());
            if (j + 1 < ids.size()) {
                Set<String> next = new HashSet<>(b.graph().nodeById(ids.get(j + 1)) == null ? List.of()
                        : b.graph().nodeById(ids.get(j + 1)).inputs());
                for (String out : n.outputs()) if (!out.isEmpty() && next.contains(out)) o.edge(out, PartitionColors.ERROR, 4);
            }
        }
    }
}
