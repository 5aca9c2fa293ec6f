package org.npustudio.plan;

import java.util.BitSet;
import org.npustudio.ir.GraphIndex;

/**
 * Makes a node set convex (no path leaves it and comes back), the condition every partition must meet.
 * Both directions are linear in nodes + edges.
 * <ul>
 * <li>{@link #grow}: the smallest convex superset — the set plus every node on a path between two of its
 * members, i.e. the nodes both reachable from the set and reaching it.</li>
 * <li>{@link #shrink}: a convex subset that keeps the set's upstream part — every member reachable from
 * an outside node that is itself reachable from the set is dropped. A path member → outside → member
 * would end at a dropped member, so what stays is convex; the topologically first member always stays.</li>
 * </ul>
 */
public final class ConvexClosure {
    private ConvexClosure() {}

    /** The set plus every node lying on a path between two members (node indices of {@code idx}). */
    public static BitSet grow(GraphIndex idx, BitSet members) {
        return grow(idx, members, null);
    }

    /**
     * As {@link #grow(GraphIndex, BitSet)}, where a path out of a weight node does not count (its readers
     * carry copies, see {@link WeightNodes}); {@code weights} null means every edge counts.
     */
    public static BitSet grow(GraphIndex idx, BitSet members, WeightNodes weights) {
        BitSet down = reach(idx, members, true, weights);
        BitSet up = reach(idx, members, false, weights);
        down.and(up);
        down.or(members);
        return down;
    }

    /** The members not downstream of a path that has left the set. */
    public static BitSet shrink(GraphIndex idx, BitSet members) {
        return shrink(idx, members, null);
    }

    /** As {@link #shrink(GraphIndex, BitSet)}, where a path out of a weight node does not count. */
    public static BitSet shrink(GraphIndex idx, BitSet members, WeightNodes weights) {
        int n = idx.size();
        BitSet tainted = new BitSet(n);   // outside nodes reachable from the set, and everything after them
        int[] stack = new int[n];
        int top = 0;
        for (int m = members.nextSetBit(0); m >= 0; m = members.nextSetBit(m + 1)) {
            if (weights != null && weights.isWeight(m)) continue;
            for (int s : idx.successors(m)) {
                if (!members.get(s) && !tainted.get(s)) {
                    tainted.set(s);
                    stack[top++] = s;
                }
            }
        }
        while (top > 0) {
            int x = stack[--top];
            for (int s : idx.successors(x)) {
                if (!tainted.get(s)) {
                    tainted.set(s);
                    stack[top++] = s;
                }
            }
        }
        BitSet kept = (BitSet) members.clone();
        kept.andNot(tainted);
        return kept;
    }

    /** True when no path leaves the set and re-enters it. */
    public static boolean isConvex(GraphIndex idx, BitSet members) {
        return grow(idx, members).equals(members);
    }

    /** Nodes reachable from the set (successors when {@code forward}, else predecessors), members excluded unless reached. */
    private static BitSet reach(GraphIndex idx, BitSet from, boolean forward, WeightNodes weights) {
        int n = idx.size();
        BitSet seen = new BitSet(n);
        int[] stack = new int[n];
        int top = 0;
        for (int m = from.nextSetBit(0); m >= 0; m = from.nextSetBit(m + 1)) stack[top++] = m;
        while (top > 0) {
            int x = stack[--top];
            if (forward && weights != null && weights.isWeight(x)) continue;
            for (int y : forward ? idx.successors(x) : idx.predecessors(x)) {
                if (!forward && weights != null && weights.isWeight(y)) continue;
                if (!seen.get(y)) {
                    seen.set(y);
                    stack[top++] = y;
                }
            }
        }
        return seen;
    }
}
