package org.npustudio.diff;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The result of comparing two models: one {@link NodeDiff} per matched pair or unmatched node. */
public final class ModelDiff {
    private final List<NodeDiff> rows;
    private final Map<String, NodeDiff> byOld = new HashMap<>();
    private final Map<String, NodeDiff> byNew = new HashMap<>();

    ModelDiff(List<NodeDiff> rows) {
        this.rows = List.copyOf(rows);
        for (NodeDiff d : rows) {
            if (d.oldId() != null) byOld.put(d.oldId(), d);
            if (d.newId() != null) byNew.put(d.newId(), d);
        }
    }

    public List<NodeDiff> rows() { return rows; }

    public List<NodeDiff> withState(NodeState s) { return rows.stream().filter(d -> d.state() == s).toList(); }

    public long count(NodeState s) { return rows.stream().filter(d -> d.state() == s).count(); }

    /** The row of a node of the old graph (by stable id), or null. */
    public NodeDiff forOld(String oldId) { return byOld.get(oldId); }

    /** The row of a node of the new graph (by stable id), or null. */
    public NodeDiff forNew(String newId) { return byNew.get(newId); }

    public boolean identical() { return rows.stream().allMatch(d -> d.state() == NodeState.SAME); }

    /** "12 same, 3 changed, 1 new, 3 deleted". */
    public String summary() {
        return count(NodeState.SAME) + " same, " + count(NodeState.CHANGED) + " changed, " + count(NodeState.NEW) + " new, "
                + count(NodeState.DELETED) + " deleted";
    }
}
