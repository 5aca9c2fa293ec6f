package org.npustudio.partition.editor.model;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import org.npustudio.ir.Graph;
import org.npustudio.ir.GraphIndex;
import org.npustudio.ir.Node;
import org.npustudio.plan.ConvexClosure;
import org.npustudio.plan.WeightNodes;

/** Grow or shrink a selection of node ids to a convex set ({@link ConvexClosure}; paths out of weights do not count), ids in graph order. */
public final class ConvexSelection {
    private ConvexSelection() {}

    public static List<String> grow(Graph graph, Collection<String> ids) {
        GraphIndex idx = graph.index();
        return ids(idx, ConvexClosure.grow(idx, bits(idx, ids), WeightNodes.of(graph)));
    }

    public static List<String> shrink(Graph graph, Collection<String> ids) {
        GraphIndex idx = graph.index();
        return ids(idx, ConvexClosure.shrink(idx, bits(idx, ids), WeightNodes.of(graph)));
    }

    private static BitSet bits(GraphIndex idx, Collection<String> ids) {
        java.util.Set<String> wanted = new java.util.HashSet<>(ids);
        BitSet b = new BitSet(idx.size());
        for (int i = 0; i < idx.size(); i++) if (wanted.contains(idx.node(i).id())) b.set(i);
        return b;
    }

    private static List<String> ids(GraphIndex idx, BitSet b) {
        List<String> out = new ArrayList<>(b.cardinality());
        for (int i = b.nextSetBit(0); i >= 0; i = b.nextSetBit(i + 1)) {
            Node n = idx.node(i);
            out.add(n.id());
        }
        return out;
    }
}
