package org.npustudio.diff;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.ValueInfo;

/**
 * Pairs the nodes of two arbitrary graphs, names or not (see {@link NodeMatcher#structural}).
 * <p>Anchors: unique node names; graph inputs (by name, else position); initializers (same name and
 * type, else the same content, unique on each side); producers of graph outputs (by position). From each
 * matched value the readers with the same op type and input port pair up; where several readers share
 * op and port (SqueezeNet's fire modules feed two Convs from one value) they are told apart by a
 * signature: attributes and, per input, the matched value, constant fingerprint or matched producer it
 * reads. From each matched node the producers of its inputs pair up too. When that worklist runs dry,
 * still-unmatched nodes are paired by the same signature where it is unique on both sides (then by file
 * order among identical twins), and the worklist resumes. Every pair is expanded once, so the cost stays
 * linear in the edges; constant fingerprints hash tensor bytes only for initializers whose names differ.
 */
final class StructuralMatcher {
    private final Graph a;
    private final Graph b;
    final Map<Node, Node> ab = new IdentityHashMap<>();
    private final Map<Node, Node> ba = new IdentityHashMap<>();
    private final Map<Node, Integer> pairNo = new IdentityHashMap<>();
    private final ArrayDeque<Node> todo = new ArrayDeque<>();
    /** Anchored values (graph inputs, initializers) share a number across the graphs; node outputs go by pair. */
    private final Map<String, Integer> anchorA = new HashMap<>();
    private final Map<String, Integer> anchorB = new HashMap<>();
    private final Map<String, String> valueAB = new LinkedHashMap<>();
    private final Map<Tensor, String> fingerprints = new IdentityHashMap<>();
    private int anchors;
    /** Signature rounds after the first propagation; each is linear, and most graphs need one or two. */
    private static final int MAX_ROUNDS = 4;
    private int pairs;

    StructuralMatcher(Graph a, Graph b) {
        this.a = a;
        this.b = b;
    }

    Map<Node, Node> run() {
        Map<String, Node> an = uniqueNames(a), bn = uniqueNames(b);
        for (Map.Entry<String, Node> e : an.entrySet()) {
            Node other = bn.get(e.getKey());
            if (other != null) pair(e.getValue(), other);
        }
        List<ValueInfo> ai = a.inputs().stream().filter(v -> !a.isInitializer(v.name())).toList();
        List<ValueInfo> bi = b.inputs().stream().filter(v -> !b.isInitializer(v.name())).toList();
        for (int i = 0; i < ai.size(); i++) {
            String x = ai.get(i).name();
            String y = b.isGraphInput(x) && !b.isInitializer(x) ? x : i < bi.size() ? bi.get(i).name() : null;
            if (y != null) anchor(x, y);
        }
        for (int i = 0; i < Math.min(a.outputs().size(), b.outputs().size()); i++) {
            Node pa = a.producer(a.outputs().get(i).name()), pb = b.producer(b.outputs().get(i).name());
            if (pa != null && pb != null && sameOp(pa, pb)) pair(pa, pb);
        }
        for (Map.Entry<String, String> e : new ArrayList<>(valueAB.entrySet())) matchReaders(e.getKey(), e.getValue());
        drain();
        if (complete()) return ab;
        // Weights are anchors too, but only needed where propagation from the inputs and outputs stopped.
        int before = valueAB.size();
        anchorInitializers();
        List<Map.Entry<String, String>> weights = new ArrayList<>(valueAB.entrySet()).subList(before, valueAB.size());
        for (Map.Entry<String, String> e : weights) matchReaders(e.getKey(), e.getValue());
        drain();
        for (int round = 0; round < MAX_ROUNDS && !complete() && pairBySignature(); round++) drain();
        return ab;
    }

    private boolean complete() {
        return ab.size() >= Math.min(a.nodes().size(), b.nodes().size());
    }

    /**
     * Initializers of the same name, type and dims. Renamed ones are not hashed up front (that would read
     * every weight of both models); their readers meet in the signature round, which fingerprints a constant
     * only when a node that reads it is still unmatched.
     */
    private void anchorInitializers() {
        for (Map.Entry<String, Tensor> e : a.initializers().entrySet()) {
            Tensor other = b.initializers().get(e.getKey());
            if (other != null && sameKind(e.getValue(), other)) anchor(e.getKey(), e.getKey());
        }
    }

    private void anchor(String x, String y) {
        if (anchorA.containsKey(x) || anchorB.containsKey(y)) return;
        int k = anchors++;
        anchorA.put(x, k);
        anchorB.put(y, k);
        valueAB.put(x, y);
    }

    private void drain() {
        while (!todo.isEmpty()) {
            Node x = todo.poll();
            Node y = ab.get(x);
            for (int i = 0; i < Math.min(x.outputs().size(), y.outputs().size()); i++) {
                if (x.output(i).isEmpty() || y.output(i).isEmpty()) continue;
                matchReaders(x.output(i), y.output(i));
            }
            for (int i = 0; i < Math.min(x.inputs().size(), y.inputs().size()); i++) {
                Node px = x.input(i).isEmpty() ? null : a.producer(x.input(i));
                Node py = y.input(i).isEmpty() ? null : b.producer(y.input(i));
                if (px != null && py != null && !ab.containsKey(px) && !ba.containsKey(py) && sameOp(px, py)) pair(px, py);
            }
        }
    }

    /** Readers of value x (old) and y (new) grouped by op type and port; a group of one on each side pairs. */
    private void matchReaders(String x, String y) {
        if (y == null) return;
        Map<String, List<Node>> ca = readers(a.consumers(x), x, ab), cb = readers(b.consumers(y), y, ba);
        for (Map.Entry<String, List<Node>> e : ca.entrySet()) {
            List<Node> p = e.getValue(), q = cb.get(e.getKey());
            if (q == null) continue;
            if (p.size() == 1 && q.size() == 1) pair(p.get(0), q.get(0));
            else pairUnique(p, q);
        }
    }

    private static Map<String, List<Node>> readers(List<Node> consumers, String value, Map<Node, Node> matched) {
        Map<String, List<Node>> out = new HashMap<>();
        for (Node r : consumers) {
            if (matched.containsKey(r)) continue;
            for (int i = 0; i < r.inputs().size(); i++) {
                if (!r.input(i).equals(value)) continue;
                List<Node> l = out.computeIfAbsent(r.domain() + ":" + r.opType() + "#" + i, k -> new ArrayList<>());
                if (!l.contains(r)) l.add(r);
            }
        }
        return out;
    }

    /**
     * Global round over the unmatched nodes whose op type is unmatched on both sides; true when it paired
     * any. Signatures are computed once per round: unique ones pair, then groups of identical twins.
     */
    private boolean pairBySignature() {
        Map<String, List<Node>> ua = unmatchedByOp(a, ab), ub = unmatchedByOp(b, ba);
        Map<String, List<Node>> sa = new HashMap<>(), sb = new HashMap<>();
        for (Map.Entry<String, List<Node>> e : ua.entrySet()) {
            List<Node> other = ub.get(e.getKey());
            if (other == null) continue;
            for (Node n : e.getValue()) sa.computeIfAbsent(signature(n, true), k -> new ArrayList<>()).add(n);
            for (Node n : other) sb.computeIfAbsent(signature(n, false), k -> new ArrayList<>()).add(n);
        }
        int before = ab.size();
        pairGroups(sa, sb, false);
        if (ab.size() == before) pairGroups(sa, sb, true);
        return ab.size() > before;
    }

    private static Map<String, List<Node>> unmatchedByOp(Graph g, Map<Node, Node> matched) {
        Map<String, List<Node>> out = new HashMap<>();
        for (Node n : g.nodes()) if (!matched.containsKey(n)) out.computeIfAbsent(n.domain() + ":" + n.opType(), k -> new ArrayList<>()).add(n);
        return out;
    }

    /** Look-alike readers of one value: those whose signature is unique on both sides pair. */
    private void pairUnique(List<Node> p, List<Node> q) {
        Map<String, List<Node>> sa = new HashMap<>(), sb = new HashMap<>();
        for (Node n : p) if (!ab.containsKey(n)) sa.computeIfAbsent(signature(n, true), k -> new ArrayList<>()).add(n);
        for (Node n : q) if (!ba.containsKey(n)) sb.computeIfAbsent(signature(n, false), k -> new ArrayList<>()).add(n);
        pairGroups(sa, sb, false);
    }

    /**
     * Pairs groups of one signature: of one node on each side; with {@code twins}, also groups of equal size
     * (identical branches) in file order, which is the best guess and harmless since they are alike.
     */
    private void pairGroups(Map<String, List<Node>> sa, Map<String, List<Node>> sb, boolean twins) {
        for (Map.Entry<String, List<Node>> e : sa.entrySet()) {
            List<Node> other = sb.get(e.getKey());
            if (other == null) continue;
            if (e.getValue().size() == 1 && other.size() == 1) pair(e.getValue().get(0), other.get(0));
            else if (twins && e.getValue().size() == other.size()) {
                for (int i = 0; i < other.size(); i++) pair(e.getValue().get(i), other.get(i));
            }
        }
    }

    /** Op, attributes and what each input is, in terms both graphs share. */
    private String signature(Node n, boolean old) {
        Graph g = old ? a : b;
        Map<String, Integer> anchorsOf = old ? anchorA : anchorB;
        StringBuilder s = new StringBuilder(n.domain()).append(':').append(n.opType()).append('/').append(n.outputs().size());
        for (Attribute at : n.attributes().values()) {
            s.append('|').append(at.name()).append('=');
            Tensor t = at.kind() == Attribute.Kind.TENSOR ? at.asTensor() : null;
            s.append(t != null ? fingerprint(t) : at.display());
        }
        for (String v : n.inputs()) {
            s.append("|in:");
            if (v.isEmpty()) continue;
            Integer k = anchorsOf.get(v);
            if (k != null) {
                s.append('v').append(k);
                continue;
            }
            Tensor t = g.initializers().get(v);
            if (t != null) {
                s.append('c').append(fingerprint(t));
                continue;
            }
            Node p = g.producer(v);
            Integer pn = p == null ? null : pairNo.get(p);
            if (pn != null) s.append('p').append(pn).append('.').append(p.outputs().indexOf(v));
            else s.append(p == null ? "?" : "?" + p.opType());
        }
        return s.toString();
    }

    /** Element type, dims and a 64-bit hash of the bytes; computed once per tensor. */
    private String fingerprint(Tensor t) {
        return fingerprints.computeIfAbsent(t, k -> {
            long h = 1125899906842597L;
            if (k.dataType() != DataType.STRING && k.dataType() != DataType.UNDEFINED) {
                try {
                    ByteBuffer bytes = k.rawBytes().duplicate();
                    while (bytes.remaining() >= 8) h = 31 * h + bytes.getLong();
                    while (bytes.hasRemaining()) h = 31 * h + bytes.get();
                } catch (RuntimeException unreadable) {
                    h = 0; // external data gone or corrupt: compare by type and dims only
                }
            }
            return k.dataType() + Arrays.toString(k.dims()) + "#" + Long.toHexString(h);
        });
    }

    private static boolean sameKind(Tensor x, Tensor y) {
        return x.dataType() == y.dataType() && Arrays.equals(x.dims(), y.dims());
    }

    private void pair(Node x, Node y) {
        if (ab.containsKey(x) || ba.containsKey(y)) return;
        ab.put(x, y);
        ba.put(y, x);
        int k = pairs++;
        pairNo.put(x, k);
        pairNo.put(y, k);
        todo.add(x);
    }

    static boolean sameOp(Node x, Node y) {
        return x.opType().equals(y.opType()) && x.domain().equals(y.domain());
    }

    private static Map<String, Node> uniqueNames(Graph g) {
        Map<String, Node> m = new HashMap<>();
        Map<String, Integer> count = new HashMap<>();
        for (Node n : g.nodes()) if (!n.name().isEmpty()) count.merge(n.name(), 1, Integer::sum);
        for (Node n : g.nodes()) if (!n.name().isEmpty() && count.get(n.name()) == 1) m.put(n.name(), n);
        return m;
    }
}
