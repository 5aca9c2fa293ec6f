package org.npustudio.partition.editor.model;

import java.util.List;
import org.npustudio.plan.NodeRef;
import org.npustudio.plan.Plan;

/**
 * One undoable edit of a plan. Plans are immutable, so an edit is a function from the plan before to the
 * plan after; undo restores the plan before. {@link #apply} throws IllegalArgumentException with a
 * sentence for the user when the edit does not fit the plan (a taken name, an unknown partition…).
 */
public sealed interface PlanEdit {
    /** What the edit did, for the Undo/Redo tooltips, e.g. {@code Create partition p1}. */
    String label();

    Plan apply(Plan plan);

    record CreatePartition(String name, String device, List<NodeRef> nodes) implements PlanEdit {
        public CreatePartition {
            nodes = List.copyOf(nodes);
        }

        public String label() { return "Create partition " + name + " (" + count(nodes.size()) + ")"; }

        public Plan apply(Plan p) {
            if (nodes.isEmpty()) throw new IllegalArgumentException("select the nodes the new partition should hold first");
            if (p.device(device) == null) throw new IllegalArgumentException("no device named '" + device + "'");
            return p.createPartition(name, device, nodes);
        }
    }

    record AddNodes(String partition, List<NodeRef> nodes) implements PlanEdit {
        public AddNodes {
            nodes = List.copyOf(nodes);
        }

        public String label() { return "Add " + count(nodes.size()) + " to " + partition; }

        public Plan apply(Plan p) {
            if (nodes.isEmpty()) throw new IllegalArgumentException("no nodes selected");
            return p.addNodes(partition, nodes);
        }
    }

    /** Takes nodes out of their partitions; they fall back to the catch-all. */
    record RemoveNodes(List<String> nodeIds) implements PlanEdit {
        public RemoveNodes {
            nodeIds = List.copyOf(nodeIds);
        }

        public String label() { return "Remove " + count(nodeIds.size()) + " from their partitions"; }

        public Plan apply(Plan p) { return p.removeNodes(nodeIds); }
    }

    record Merge(String first, String second) implements PlanEdit {
        public String label() { return "Merge " + second + " into " + first; }

        public Plan apply(Plan p) { return p.merge(first, second); }
    }

    /** Moves the cut (members of the partition) into a new partition right after it. */
    record Split(String partition, List<String> cut, String newName) implements PlanEdit {
        public Split {
            cut = List.copyOf(cut);
        }

        public String label() { return "Split " + count(cut.size()) + " of " + partition + " into " + newName; }

        public Plan apply(Plan p) { return p.split(partition, cut, newName); }
    }

    record Rename(String from, String to) implements PlanEdit {
        public String label() { return "Rename " + from + " to " + to; }

        public Plan apply(Plan p) {
            if (to == null || to.isBlank()) throw new IllegalArgumentException("a partition needs a name");
            return p.rename(from, to.strip());
        }
    }

    record Delete(String partition) implements PlanEdit {
        public String label() { return "Delete partition " + partition; }

        public Plan apply(Plan p) {
            if (p.rest().name().equals(partition)) throw new IllegalArgumentException("the catch-all partition cannot be deleted");
            return p.delete(partition);
        }
    }

    record AssignDevice(String partition, String device) implements PlanEdit {
        public String label() { return "Put " + partition + " on " + device; }

        public Plan apply(Plan p) { return p.assignDevice(partition, device); }
    }

    record AssignPrecision(String partition, String precision) implements PlanEdit {
        public String label() { return "Set " + partition + " to " + (precision.isEmpty() ? "the default precision" : precision); }

        public Plan apply(Plan p) {
            if (!p.rest().name().equals(partition) && p.partition(partition) == null) {
                throw new IllegalArgumentException("no partition named '" + partition + "'");
            }
            return p.assignPrecision(partition, precision);
        }
    }

    /** Runs the selected nodes at {@code precision} whatever their partition's; empty = back to the partition's. */
    record AssignNodePrecision(List<String> nodeIds, String precision) implements PlanEdit {
        public AssignNodePrecision {
            nodeIds = List.copyOf(nodeIds);
        }

        public String label() {
            return "Set " + count(nodeIds.size()) + " to " + (precision.isEmpty() ? "their partition's precision" : precision);
        }

        public Plan apply(Plan p) {
            if (nodeIds.isEmpty()) throw new IllegalArgumentException("select the nodes first");
            if (!precision.isEmpty() && org.npustudio.plan.Precision.parse(precision) == null) {
                throw new IllegalArgumentException("unknown precision '" + precision + "' (use " + org.npustudio.plan.Precision.validKeys() + ")");
            }
            return p.assignNodePrecision(nodeIds, precision);
        }
    }

    /** Several edits as one undo step (e.g. merging or deleting several selected partitions). */
    record Sequence(String label, List<PlanEdit> edits) implements PlanEdit {
        public Sequence {
            edits = List.copyOf(edits);
        }

        public Plan apply(Plan p) {
            for (PlanEdit e : edits) p = e.apply(p);
            return p;
        }
    }

    /** The whole plan replaced at once: YAML applied, auto-partitioning, another device list. */
    record ReplacePlan(String label, Plan plan) implements PlanEdit {
        public Plan apply(Plan p) { return plan; }
    }

    private static String count(int n) { return n + (n == 1 ? " node" : " nodes"); }
}
