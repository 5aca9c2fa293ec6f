package org.npustudio.partition.editor.ui;

import java.util.List;
import org.npustudio.partition.editor.model.ConvexSelection;
import org.npustudio.partition.editor.model.NodeQuery;
import org.npustudio.partition.editor.model.PlanEdit;
import org.npustudio.plan.Device;
import org.npustudio.plan.DeviceKind;
import org.npustudio.plan.Plan;

/** What the toolbar does with the node selection: query, convex grow/shrink, and partition edits from it. */
final class SelectionEdits {
    private final PartitionSession session;

    SelectionEdits(PartitionSession session) { this.session = session; }

    void grow() { convex(ConvexSelection::grow, "Grew the selection to its convex closure"); }

    void shrink() { convex(ConvexSelection::shrink, "Shrank the selection to a convex set"); }

    private void convex(java.util.function.BiFunction<org.npustudio.ir.Graph, List<String>, List<String>> how, String did) {
        List<String> sel = session.selectedNodeIds();
        List<String> now = how.apply(session.model().graph(), sel);
        session.select(now);
        session.info(now.size() == sel.size() ? "The selection is already convex" : did + ": " + sel.size() + " → " + now.size() + " nodes");
    }

    /** Selects (or, with {@code add}, adds) the nodes a query matches. */
    void query(NodeQuery q, boolean add) {
        try {
            List<String> hits = q.select(session.model().graph());
            if (add) session.selection().add(hits);
            else session.select(hits);
            session.info(hits.size() + (hits.size() == 1 ? " node matches" : " nodes match"));
        } catch (IllegalArgumentException e) {
            session.error(e.getMessage());
        }
    }

    /** A new partition from the selection, on the first accelerator (the default device when there is none). */
    boolean createPartition() {
        Plan p = session.plan();
        String device = p.devices().stream().filter(d -> d.kind() == DeviceKind.NPU).map(Device::name).findFirst()
                .orElse(p.rest().device());
        return session.apply(new PlanEdit.CreatePartition(newName(p), device, session.editor().refs(session.selectedNodeIds())));
    }

    void addTo(String partition) {
        session.apply(new PlanEdit.AddNodes(partition, session.editor().refs(session.selectedNodeIds())));
    }

    void removeFromPartitions() {
        List<String> listed = session.selectedNodeIds().stream().filter(id -> session.plan().partitionOf(id) != null).toList();
        if (listed.isEmpty()) {
            session.error("none of the selected nodes is in a partition");
            return;
        }
        session.apply(new PlanEdit.RemoveNodes(listed));
    }

    /** The selected nodes at {@code precision} (empty: back to their partition's precision), one undo step. */
    boolean assignPrecision(String precision) {
        List<String> sel = session.selectedNodeIds();
        if (sel.isEmpty()) {
            session.error("select the nodes first");
            return false;
        }
        return session.apply(new PlanEdit.AssignNodePrecision(sel, precision));
    }

    /** {@code p<k>} with the smallest k not taken. */
    static String newName(Plan p) {
        for (int k = p.partitions().size(); ; k++) {
            String n = "p" + k;
            if (p.partition(n) == null && !p.rest().name().equals(n)) return n;
        }
    }
}
