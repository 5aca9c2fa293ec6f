package org.npustudio.diff;

import java.util.List;

/**
 * One row of a diff: a matched pair (SAME / CHANGED), a node only in the new graph (NEW) or only in the
 * old one (DELETED). {@code related} links fusions: for a NEW node the old ids it replaced (its
 * provenance), for a DELETED node the new nodes that list it in their provenance.
 */
public record NodeDiff(NodeState state, String oldId, String newId, String opType, List<Change> changes, List<String> related) {
    public NodeDiff {
        changes = List.copyOf(changes);
        related = List.copyOf(related);
    }

    /** The id to show: the new id when the node exists in the new graph, else the old one. */
    public String id() { return newId != null ? newId : oldId; }
}
