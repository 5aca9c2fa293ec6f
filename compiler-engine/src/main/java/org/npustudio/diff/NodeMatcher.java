package org.npustudio.diff;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;
import org.npustudio.ir.ValueInfo;

/**
 * Pairs nodes of an old and a new graph.
 * <ul>
 *   <li>{@link #byId}: within one pipeline, where passes keep stable ids (like IGV within a method).</li>
 *   <li>{@link #structural}: two arbitrary models (e.g. exported by two tools). First by ONNX name
 *       (unique on both sides), then anchored at graph inputs and outputs, then outward from every
 *       matched pair: an unmatched reader of the same output port, or writer of the same input port,
 *       with the same op type on both sides, matches when it is the only such candidate on each side.
 *       A worklist runs this to a fixpoint; each pair is expanded once, so the cost is linear in the
 *       edges, unlike all-pairs similarity matching.</li>
 * </ul>
 */
public final class NodeMatcher {
    private NodeMatcher() {}

    /** Old node → new node. */
    public static Map<Node, Node> byId(Graph a, Graph b) {
        Map<String, Node> ids = new HashMap<>();
        for (Node n : a.nodes()) ids.put(n.id(), n);
        Map<Node, Node> m = new IdentityHashMap<>();
        for (Node n : b.nodes()) {
            Node old = ids.get(n.id());
            if (old != null) m.put(old, n);
        }
        return m;
    }

    public static Map<Node, Node> structural(Graph a, Graph b) {
        Matching m = new Matching();
        Map<String, Node> an = uniqueNames(a), bn = uniqueNames(b);
        for (Map.Entry<String, Node> e : an.entrySet()) {
            Node other = bn.get(e.getKey());
            if (other != null) m.pair(e.getValue(), other);
        }
        // Anchors: graph inputs by name (else by position), graph outputs by position.
        List<ValueInfo> ai = a.inputs().stream().filter(v -> !a.isInitializer(v.name())).toList();
        List<ValueInfo> bi = b.inputs().stream().filter(v -> !b.isInitializer(v.name())).toList();
        for (int i = 0; i < ai.size(); i++) {
            String x = ai.get(i).name();
            String y = b.isGraphInput(x) ? x : i < bi.size() ? bi.get(i).name() : null;
            if (y != null) matchReaders(a, b, x, y, m);
        }
        for (int i = 0; i < Math.min(a.outputs().size(), b.outputs().size()); i++) {
            Node pa = a.producer(a.outputs().get(i).name()), pb = b.producer(b.outputs().get(i).name());
            if (pa != null && pb != null && sameOp(pa, pb)) m.pair(pa, pb);
        }
        while (!m.todo.isEmpty()) {
            Node x = m.todo.poll();
            Node y = m.ab.get(x);
            for (int i = 0; i < Math.min(x.outputs().size(), y.outputs().size()); i++) {
                if (!x.output(i).isEmpty() && !y.output(i).isEmpty()) matchReaders(a, b, x.output(i), y.output(i), m);
            }
            for (int i = 0; i < Math.min(x.inputs().size(), y.inputs().size()); i++) {
                Node px = x.input(i).isEmpty() ? null : a.producer(x.input(i));
                Node py = y.input(i).isEmpty() ? null : b.producer(y.input(i));
                if (px != null && py != null && !m.ab.containsKey(px) && !m.ba.containsKey(py) && sameOp(px, py)) m.pair(px, py);
            }
        }
        return m.ab;
    }

    /** Readers of value x (old) and y (new): pairs the unmatched ones that are alone with their op type and port. */
    private static void matchReaders(Graph a, Graph b, String x, String y, Matching m) {
        Map<String, Node> ca = candidates(a.consumers(x), x, m.ab), cb = candidates(b.consumers(y), y, m.ba);
        for (Map.Entry<String, Node> e : ca.entrySet()) {
            Node p = e.getValue(), q = cb.get(e.getKey());
            if (p != null && q != null) m.pair(p, q);
        }
    }

    /** Unmatched readers keyed by op type and input port; a key with two readers maps to null (ambiguous). */
    private static Map<String, Node> candidates(List<Node> readers, String value, Map<Node, Node> matched) {
        Map<String, Node> out = new HashMap<>();
        for (Node r : readers) {
            if (matched.containsKey(r)) continue;
            for (int i = 0; i < r.inputs().size(); i++) {
                if (!r.input(i).equals(value)) continue;
                String key = r.domain() + ":" + r.opType() + "#" + i;
                if (out.containsKey(key) && out.get(key) != r) out.put(key, null);
                else out.put(key, r);
            }
        }
        return out;
    }

    private static boolean sameOp(Node x, Node y) {
        return x.opType().equals(y.opType()) && x.domain().equals(y.domain());
    }

    private static Map<String, Node> uniqueNames(Graph g) {
        Map<String, Node> m = new HashMap<>();
        Map<String, Integer> count = new HashMap<>();
        for (Node n : g.nodes()) if (!n.name().isEmpty()) count.merge(n.name(), 1, Integer::sum);
        for (Node n : g.nodes()) if (!n.name().isEmpty() && count.get(n.name()) == 1) m.put(n.name(), n);
        return m;
    }

    private static final class Matching {
        final Map<Node, Node> ab = new IdentityHashMap<>();
        final Map<Node, Node> ba = new IdentityHashMap<>();
        final ArrayDeque<Node> todo = new ArrayDeque<>();

        void pair(Node x, Node y) {
            if (ab.containsKey(x) || ba.containsKey(y)) return;
            ab.put(x, y);
            ba.put(y, x);
            todo.add(x);
        }
    }
}
