package org.npustudio.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.passes.IrText;

/**
 * A line diff of the {@link IrText} of two models, keyed by node rather than by text: a line per node,
 * paired through the {@link ModelDiff}'s matching, so a node whose operands were renamed is one changed
 * node (a removed and an added line next to each other), not noise. Pairs that keep their relative order
 * (the longest increasing run, found in O(n log n) as in patience diff) anchor the output; the rest
 * become removed/added lines. Linear enough for 10k-node graphs, unlike an O(n·d) text diff.
 */
public final class IrTextDiff {
    private IrTextDiff() {}

    public enum Kind { SAME, REMOVED, ADDED }

    /**
     * One line of the diff.
     *
     * @param oldId the node of the old graph this line shows, or null (header lines, added nodes)
     * @param newId the node of the new graph this line shows, or null (header lines, removed nodes)
     */
    public record Line(Kind kind, String text, String oldId, String newId) {
        /** "  ", "- " or "+ " followed by the text, as a unified diff prints it. */
        public String unified() {
            return (kind == Kind.SAME ? "  " : kind == Kind.REMOVED ? "- " : "+ ") + text;
        }
    }

    private record Entry(String text, String id) {}

    public static List<Line> of(Model before, Model after, ModelDiff diff) {
        List<Entry> a = entries(before), b = entries(after);
        List<Line> out = new ArrayList<>();
        header(out, a.get(0), b.get(0));
        List<Entry> an = a.subList(1, a.size() - 1), bn = b.subList(1, b.size() - 1);
        Map<String, Integer> aPos = new HashMap<>();
        for (int i = 0; i < an.size(); i++) aPos.put(an.get(i).id, i);
        // For each new line, the position of its matched old line (-1 when new).
        int[] match = new int[bn.size()];
        for (int j = 0; j < bn.size(); j++) {
            NodeDiff d = diff.forNew(bn.get(j).id);
            Integer i = d == null || d.oldId() == null ? null : aPos.get(d.oldId());
            match[j] = i == null ? -1 : i;
        }
        boolean[] anchor = longestIncreasing(match);
        int i = 0;
        for (int j = 0; j < bn.size(); j++) {
            if (!anchor[j]) continue;
            int ai = match[j];
            for (; i < ai; i++) out.add(removed(an.get(i)));
            // Lines of the new graph before this anchor that are not anchors themselves.
            int k = j - 1;
            while (k >= 0 && !anchor[k]) k--;
            for (int q = k + 1; q < j; q++) out.add(added(bn.get(q)));
            Entry x = an.get(ai), y = bn.get(j);
            NodeDiff d = diff.forNew(y.id);
            if (d.state() == NodeState.SAME) out.add(new Line(Kind.SAME, y.text, x.id, y.id));
            else {
                out.add(new Line(Kind.REMOVED, x.text, x.id, y.id));
                out.add(new Line(Kind.ADDED, y.text, x.id, y.id));
            }
            i = ai + 1;
        }
        for (; i < an.size(); i++) out.add(removed(an.get(i)));
        int last = bn.size() - 1;
        while (last >= 0 && !anchor[last]) last--;
        for (int q = last + 1; q < bn.size(); q++) out.add(added(bn.get(q)));
        header(out, a.get(a.size() - 1), b.get(b.size() - 1));
        return out;
    }

    /** The whole diff as unified text, one line each. */
    public static String unified(List<Line> lines) {
        StringBuilder s = new StringBuilder();
        for (Line l : lines) s.append(l.unified()).append('\n');
        return s.toString();
    }

    private static void header(List<Line> out, Entry x, Entry y) {
        if (x.text.equals(y.text)) out.add(new Line(Kind.SAME, y.text, null, null));
        else {
            out.add(new Line(Kind.REMOVED, x.text, null, null));
            out.add(new Line(Kind.ADDED, y.text, null, null));
        }
    }

    private static Line removed(Entry e) { return new Line(Kind.REMOVED, e.text, e.id, null); }

    private static Line added(Entry e) { return new Line(Kind.ADDED, e.text, null, e.id); }

    /** The inputs line, one line per node in topological order, the outputs line (as {@link IrText#of}). */
    private static List<Entry> entries(Model m) {
        Graph g = m.graph();
        List<Node> order = g.topologicalOrder();
        List<Entry> out = new ArrayList<>(order.size() + 2);
        out.add(new Entry(oneLine(IrText.inputsLine(g)), null));
        for (Node n : order) out.add(new Entry(oneLine(IrText.line(g, n)), n.id()));
        out.add(new Entry(oneLine(IrText.outputsLine(g)), null));
        return out;
    }

    /** A string attribute may hold a line break; the diff is one line per node. */
    private static String oneLine(String s) {
        return s.indexOf('\n') < 0 && s.indexOf('\r') < 0 ? s : s.replace("\r", "\\r").replace("\n", "\\n");
    }

    /** Marks the entries of a longest strictly increasing subsequence of the non-negative values. */
    static boolean[] longestIncreasing(int[] v) {
        int n = v.length;
        int[] tailIdx = new int[n + 1];
        int[] prev = new int[n];
        int len = 0;
        for (int j = 0; j < n; j++) {
            if (v[j] < 0) continue;
            int lo = 1, hi = len;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (v[tailIdx[mid]] < v[j]) lo = mid + 1;
                else hi = mid - 1;
            }
            prev[j] = lo > 1 ? tailIdx[lo - 1] : -1;
            tailIdx[lo] = j;
            len = Math.max(len, lo);
        }
        boolean[] keep = new boolean[n];
        for (int j = len == 0 ? -1 : tailIdx[len]; j >= 0; j = prev[j]) keep[j] = true;
        return keep;
    }
}
