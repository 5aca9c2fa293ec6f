package org.npustudio.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.TypeInfo;
import org.npustudio.ir.ValueInfo;

/**
 * Compares two models node by node. {@link #pipeline} is for two states of one model in a pass
 * pipeline (match by stable id, inputs compared by value name); {@link #models} for two arbitrary
 * models (structural matching, inputs compared through the matching, weights by content).
 */
public final class ModelDiffer {
    private final Graph a;
    private final Graph b;
    private final Map<Node, Node> match;
    private final boolean byName;
    private final Map<String, String> valueMap = new HashMap<>();

    private ModelDiffer(Graph a, Graph b, Map<Node, Node> match, boolean byName) {
        this.a = a;
        this.b = b;
        this.match = match;
        this.byName = byName;
    }

    public static ModelDiff pipeline(Model before, Model after) {
        Graph a = before.graph(), b = after.graph();
        return new ModelDiffer(a, b, NodeMatcher.byId(a, b), true).run();
    }

    public static ModelDiff models(Model before, Model after) {
        Graph a = before.graph(), b = after.graph();
        return new ModelDiffer(a, b, NodeMatcher.structural(a, b), false).run();
    }

    private ModelDiff run() {
        if (!byName) {
            for (ValueInfo v : a.inputs()) if (b.isGraphInput(v.name())) valueMap.put(v.name(), v.name());
            List<ValueInfo> ai = a.inputs().stream().filter(v -> !a.isInitializer(v.name())).toList();
            List<ValueInfo> bi = b.inputs().stream().filter(v -> !b.isInitializer(v.name())).toList();
            for (int i = 0; i < Math.min(ai.size(), bi.size()); i++) valueMap.putIfAbsent(ai.get(i).name(), bi.get(i).name());
            for (Map.Entry<Node, Node> e : match.entrySet()) {
                for (int i = 0; i < Math.min(e.getKey().outputs().size(), e.getValue().outputs().size()); i++) {
                    valueMap.put(e.getKey().output(i), e.getValue().output(i));
                }
            }
        }
        // Identity set of every matched node of b, built once (containsValue scans the whole map).
        Set<Node> matchedB = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        matchedB.addAll(match.values());
        Map<String, List<String>> replacedBy = new HashMap<>();
        Set<String> bIds = new LinkedHashSet<>();
        for (Node n : b.nodes()) {
            bIds.add(n.id());
            if (!matchedB.contains(n)) for (String p : n.provenance()) replacedBy.computeIfAbsent(p, k -> new ArrayList<>()).add(n.id());
        }
        List<NodeDiff> rows = new ArrayList<>();
        for (Node x : a.nodes()) {
            Node y = match.get(x);
            if (y == null) {
                rows.add(new NodeDiff(NodeState.DELETED, x.id(), null, x.opType(), List.of(), replacedBy.getOrDefault(x.id(), List.of())));
                continue;
            }
            List<Change> changes = compare(x, y);
            rows.add(new NodeDiff(changes.isEmpty() ? NodeState.SAME : NodeState.CHANGED, x.id(), y.id(), y.opType(), changes, List.of()));
        }
        for (Node y : b.nodes()) {
            if (!matchedB.contains(y)) rows.add(new NodeDiff(NodeState.NEW, null, y.id(), y.opType(), List.of(), y.provenance()));
        }
        return new ModelDiff(rows);
    }

    private List<Change> compare(Node x, Node y) {
        List<Change> c = new ArrayList<>();
        if (!x.opType().equals(y.opType()) || !x.domain().equals(y.domain())) {
            c.add(new Change(Change.Kind.OP, "op", qualified(x), qualified(y)));
        }
        Set<String> names = new LinkedHashSet<>(x.attributes().keySet());
        names.addAll(y.attributes().keySet());
        for (String n : names) {
            Attribute p = x.attribute(n), q = y.attribute(n);
            if (!sameAttribute(p, q)) c.add(new Change(Change.Kind.ATTRIBUTE, n, p == null ? "" : p.display(), q == null ? "" : q.display()));
        }
        for (int i = 0; i < Math.max(x.inputs().size(), y.inputs().size()); i++) {
            String p = x.input(i), q = y.input(i);
            Tensor tp = constant(a, p), tq = constant(b, q);
            if (tp != null && tq != null) {
                if (tp != tq && !sameContent(tp, tq)) c.add(new Change(Change.Kind.CONSTANT, "input " + i, describe(tp), describe(tq)));
                else if (byName && !p.equals(q)) c.add(new Change(Change.Kind.INPUT, "input " + i, p, q));
                continue;
            }
            String mapped = byName ? p : valueMap.getOrDefault(p, p.isEmpty() ? "" : "?" + p);
            if (!mapped.equals(q)) c.add(new Change(Change.Kind.INPUT, "input " + i, p, q));
        }
        for (int i = 0; i < Math.max(x.outputs().size(), y.outputs().size()); i++) {
            String p = i < x.outputs().size() ? x.output(i) : "", q = i < y.outputs().size() ? y.output(i) : "";
            if (byName && !p.equals(q)) c.add(new Change(Change.Kind.OUTPUT, "output " + i, p, q));
            String tp = typeText(a, p), tq = typeText(b, q);
            if (!tp.equals(tq)) c.add(new Change(Change.Kind.SHAPE, "output " + i + " type", tp, tq));
        }
        return c;
    }

    private static String qualified(Node n) {
        return n.domain().isEmpty() ? n.opType() : n.domain() + "." + n.opType();
    }

    private static boolean sameAttribute(Attribute p, Attribute q) {
        if (p == null || q == null) return p == q;
        if (p.kind() != q.kind()) return false;
        Object u = p.value(), v = q.value();
        if (u instanceof long[] l) return java.util.Arrays.equals(l, (long[]) v);
        if (u instanceof float[] f) return java.util.Arrays.equals(f, (float[]) v);
        if (u instanceof Tensor t) return t == v || sameContent(t, (Tensor) v);
        if (u instanceof Graph) return u == v || p.display().equals(q.display());
        return Objects.equals(u, v);
    }

    private static Tensor constant(Graph g, String v) {
        return v.isEmpty() || g.isGraphInput(v) ? null : g.initializers().get(v);
    }

    static boolean sameContent(Tensor p, Tensor q) {
        if (p.dataType() != q.dataType() || !java.util.Arrays.equals(p.dims(), q.dims())) return false;
        if (p.dataType() == org.npustudio.ir.DataType.STRING) return p.strings().equals(q.strings());
        return p.rawBytes().equals(q.rawBytes());
    }

    private static String describe(Tensor t) {
        String s = t.dataType().displayName() + java.util.Arrays.toString(t.dims());
        if (t.elementCount() <= 8 && (t.dataType().isFloatingPoint() || t.dataType().isInteger())) {
            s += " " + java.util.Arrays.toString(t.toDoubles());
        }
        return s;
    }

    private static String typeText(Graph g, String v) {
        if (v.isEmpty()) return "";
        TypeInfo t = g.typeOf(v);
        if (t instanceof TypeInfo.TensorType tt) return tt.elemType().displayName() + (tt.shape() == null ? "[?]" : tt.shape().toString());
        return t == null ? "" : t.toString();
    }
}
