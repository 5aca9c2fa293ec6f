package org.npustudio.passes;

import java.util.List;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.OpsetId;
import org.npustudio.ir.Shape;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.TypeInfo;
import org.npustudio.ir.ValueInfo;

/** Small graph queries and rewiring steps shared by the passes. */
public final class GraphEdits {
    private GraphEdits() {}

    /** The constant value of {@code value}: an initializer that no graph input overrides, else null. */
    public static Tensor constant(Graph g, String value) {
        if (value.isEmpty()) return null;
        Tensor t = g.initializers().get(value);
        return t == null || g.isGraphInput(value) ? null : t;
    }

    /** A constant holding a single element (any rank), as a double; NaN when not such a constant. */
    public static double scalar(Graph g, String value) {
        Tensor t = constant(g, value);
        if (t == null || t.elementCount() != 1 || !(t.dataType().isFloatingPoint() || t.dataType().isInteger())) return Double.NaN;
        return t.toDoubles()[0];
    }

    public static boolean isGraphOutput(Graph g, String value) {
        for (ValueInfo o : g.outputs()) if (o.name().equals(value)) return true;
        return false;
    }

    /** The only node reading {@code value}, reading it once, when the value is not a graph output; else null. */
    public static Node soleConsumer(Graph g, String value) {
        if (isGraphOutput(g, value)) return null;
        List<Node> c = g.consumers(value);
        if (c.size() != 1) return null;
        Node n = c.get(0);
        int uses = 0;
        for (String in : n.inputs()) if (in.equals(value)) uses++;
        return uses == 1 ? n : null;
    }

    /** The node producing {@code value} if it has the given op type in the default domain, else null. */
    public static Node producerOf(Graph g, String value, String opType) {
        Node p = g.producer(value);
        return p != null && p.opType().equals(opType) && isDefaultDomain(p) ? p : null;
    }

    public static boolean isDefaultDomain(Node n) {
        return OpsetId.isDefaultDomain(n.domain());
    }

    public static boolean is(Node n, String opType) {
        return n != null && n.opType().equals(opType) && isDefaultDomain(n);
    }

    /**
     * Records that {@code survivor} now does {@code absorbed}'s work (a folded BatchNormalization, a merged
     * Pad): the absorbed id joins the survivor's provenance, so costs and diffs can say where it went.
     */
    public static void absorb(Node survivor, Node absorbed) {
        List<String> p = new java.util.ArrayList<>(survivor.provenance());
        if (!p.contains(absorbed.id())) p.add(absorbed.id());
        survivor.setProvenance(p);
    }

    /**
     * Makes every reader of {@code from} read {@code to} instead, including If/Loop/Scan bodies (at any
     * depth) that capture {@code from} from this graph; a body that defines {@code from} itself shadows it.
     */
    public static void replaceUses(Graph g, String from, String to) {
        for (Node c : List.copyOf(g.consumers(from))) {
            for (int i = 0; i < c.inputs().size(); i++) if (c.input(i).equals(from)) c.setInput(i, to);
            renameCaptured(c, from, to);
        }
    }

    private static void renameCaptured(Node n, String from, String to) {
        List<Graph> bodies = n.subgraphs().stream().filter(s -> s.outerScopeReferences().contains(from)).toList();
        if (bodies.isEmpty()) return;
        n.editSubgraphs(() -> {
            for (Graph body : bodies) {
                if (body.definedValues().contains(to)) {
                    throw new IllegalStateException("cannot rename '" + from + "' to '" + to + "': a body of "
                            + n.opType() + " '" + n.id() + "' defines its own '" + to + "'");
                }
                for (Node c : List.copyOf(body.nodes())) {
                    for (int i = 0; i < c.inputs().size(); i++) if (c.input(i).equals(from)) c.setInput(i, to);
                    renameCaptured(c, from, to);
                }
                // a body may return an outer value directly as one of its outputs
                if (body.outputs().stream().anyMatch(o -> o.name().equals(from))) {
                    body.setOutputs(body.outputs().stream().map(o -> o.name().equals(from) ? o.withName(to) : o).toList());
                }
            }
        });
    }

    /**
     * Removes single-output node {@code n} so its readers read {@code source}. When n's output is a
     * graph output, source's producer is renamed to produce it instead; when that is impossible
     * (source is a graph input, initializer or another graph output) nothing changes and false returns.
     */
    public static boolean bypass(Graph g, Node n, String source) {
        String y = n.output(0);
        for (int i = 1; i < n.outputs().size(); i++) {
            if (!n.output(i).isEmpty() && (!g.consumers(n.output(i)).isEmpty() || isGraphOutput(g, n.output(i)))) return false;
        }
        if (isGraphOutput(g, y)) {
            Node p = g.producer(source);
            if (p == null || isGraphOutput(g, source) || g.isGraphInput(source)) return false;
            g.removeNode(n);
            for (int i = 0; i < p.outputs().size(); i++) if (p.output(i).equals(source)) p.setOutput(i, y);
            replaceUses(g, source, y);
            g.removeValueInfo(source);
            return true;
        }
        g.removeNode(n);
        replaceUses(g, y, source);
        g.removeValueInfo(y);
        return true;
    }

    /**
     * Removes value_info entries (in {@code g} and every body nested in it) whose tensor element type is
     * unknown: ONNX Runtime refuses element type 0, and an entry saying nothing is no loss. Returns how many.
     */
    public static int dropUntypedValueInfo(Graph g) {
        int n = 0;
        java.util.ArrayDeque<Graph> todo = new java.util.ArrayDeque<>(List.of(g));
        while (!todo.isEmpty()) {
            Graph x = todo.poll();
            for (ValueInfo v : x.valueInfos()) {
                if (v.type() instanceof TypeInfo.TensorType t && (t.elemType() == null || t.elemType() == org.npustudio.ir.DataType.UNDEFINED)) {
                    x.removeValueInfo(v.name());
                    n++;
                }
            }
            for (Node node : x.nodes()) todo.addAll(node.subgraphs());
        }
        return n;
    }

    /** Imports {@code domain} at {@code version} unless the model already imports it. */
    public static void ensureOpset(Model m, String domain, long version) {
        if (m.opsetVersion(domain) < 0) m.opsetImports().add(new OpsetId(domain, version));
    }

    /** The default-domain opset the model imports (ONNX's latest we know when absent). */
    public static long opset(Model m) {
        long v = m.opsetVersion("");
        return v > 0 ? v : 21;
    }

    /** The declared tensor shape of a value, or null. */
    public static Shape shape(Graph g, String value) {
        TypeInfo t = g.typeOf(value);
        return t instanceof TypeInfo.TensorType tt ? tt.shape() : null;
    }

    public static TypeInfo.TensorType tensorType(Graph g, String value) {
        TypeInfo t = g.typeOf(value);
        return t instanceof TypeInfo.TensorType tt ? tt : null;
    }

    /** Inserts {@code n} just before {@code before} in file order (keeps files readable top to bottom). */
    public static void insertBefore(Graph g, Node before, Node n) {
        int i = g.nodes().indexOf(before);
        if (i < 0) g.addNode(n);
        else g.addNode(i, n);
    }

    /** Inserts {@code n} right after {@code after}. */
    public static void insertAfter(Graph g, Node after, Node n) {
        int i = g.nodes().indexOf(after);
        if (i < 0) g.addNode(n);
        else g.addNode(i + 1, n);
    }

    /**
     * Reorders nodes topologically (ONNX requires it) keeping the current order wherever it is already
     * valid, so a graph that is sorted does not move. Throws IllegalStateException on a cycle.
     */
    public static void sortTopologically(Graph g) {
        List<Node> order = g.topologicalOrder();
        if (!order.equals(g.nodes())) g.reorderNodes(order);
    }
}
