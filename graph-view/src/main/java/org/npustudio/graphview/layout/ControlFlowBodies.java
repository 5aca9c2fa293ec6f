package org.npustudio.graphview.layout;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;
import org.npustudio.ir.ValueInfo;

/**
 * Draws the bodies of If/Loop/Scan (any node with graph attributes) inside a group of their own: the group
 * holds the control-flow node and one sub-group per body ({@code then_branch}, {@code else_branch},
 * {@code body}), so the layout puts the branches of an If side by side. A body's inputs (a Loop's iteration
 * count, condition and carried values) are small input nodes inside its group; a value of an enclosing graph
 * read inside a body is an edge from its producer into the group; each body output is an edge to the
 * control-flow node, which therefore sits below its bodies and sends their results on. Nested control flow
 * nests the same way. Body nodes get keys {@code <control-flow key>::<attribute>::<body node id>}, which never
 * name a node of the main graph. Iterative (a work queue, no recursion).
 */
final class ControlFlowBodies {
    /** Group path segment of a control-flow node's group; unique among its siblings through the node id. */
    static String segment(Node n) {
        return n.opType() + " " + n.id();
    }

    static boolean hasBodies(Node n) {
        return !n.subgraphs().isEmpty();
    }

    /** Where a value is drawn from: a layout node and, for operators, which output (else -1). */
    record Source(int node, int port) {}

    /** Values visible in a graph: its own, then those of the enclosing graphs. */
    record Scope(Map<String, Source> values, Scope outer) {
        Source find(String v) {
            for (Scope s = this; s != null; s = s.outer) {
                Source src = s.values.get(v);
                if (src != null) return src;
            }
            return null;
        }
    }

    /** What the bodies are added to (the layout input being built). */
    interface Sink {
        int add(GraphLayoutInput.Kind kind, String ref, NodeLabel label, List<String> path, Node node);

        void edge(int from, int to, int bundle);

        void edge(int from, int to);
    }

    private record Pending(Node owner, int ownerNode, String ownerRef, List<String> path, Scope scope) {}

    private ControlFlowBodies() {}

    /**
     * @param owners control-flow nodes of the main graph with their layout node index and group path
     * @param main   values of the main graph
     */
    static void add(List<Node> owners, int[] ownerNodes, List<List<String>> ownerPaths, Scope main, NodeLabel.Content content, Sink sink) {
        ArrayDeque<Pending> todo = new ArrayDeque<>();
        for (int i = 0; i < owners.size(); i++) {
            todo.add(new Pending(owners.get(i), ownerNodes[i], owners.get(i).id(), ownerPaths.get(i), main));
        }
        while (!todo.isEmpty()) {
            Pending p = todo.poll();
            for (Attribute a : bodiesInOrder(p.owner())) {
                List<Graph> bodies = a.subgraphs();
                for (int k = 0; k < bodies.size(); k++) {
                    String branch = bodies.size() == 1 ? a.name() : a.name() + "[" + k + "]";
                    addBody(p, bodies.get(k), branch, content, sink, todo);
                }
            }
        }
    }

    private static void addBody(Pending p, Graph body, String branch, NodeLabel.Content content, Sink sink, ArrayDeque<Pending> todo) {
        List<String> path = new ArrayList<>(p.path());
        path.add(branch);
        List<String> bodyPath = List.copyOf(path);
        String prefix = p.ownerRef() + "::" + branch + "::";
        Scope local = new Scope(new HashMap<>(), p.scope());
        for (ValueInfo in : body.inputs()) {
            if (body.isInitializer(in.name())) continue;
            int v = sink.add(GraphLayoutInput.Kind.INPUT, prefix + in.name(), NodeLabel.of(in.name()), bodyPath, null);
            local.values().put(in.name(), new Source(v, -1));
        }
        List<Node> nodes = body.nodes();
        int[] layoutNode = new int[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            List<String> nodePath = bodyPath;
            if (hasBodies(n)) {
                List<String> own = new ArrayList<>(bodyPath);
                own.add(segment(n));
                nodePath = List.copyOf(own);
            }
            layoutNode[i] = sink.add(GraphLayoutInput.Kind.OPERATOR, prefix + n.id(), NodeLabel.forNode(n, body, content), nodePath, n);
            for (int o = 0; o < n.outputs().size(); o++) {
                if (!n.output(o).isEmpty()) local.values().put(n.output(o), new Source(layoutNode[i], Math.min(0xffff, o)));
            }
        }
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            for (String v : n.inputs()) {
                if (!v.isEmpty()) connect(local.find(v), layoutNode[i], sink);
            }
            if (hasBodies(n)) todo.add(new Pending(n, layoutNode[i], prefix + n.id(), pathOf(bodyPath, n), local));
        }
        for (ValueInfo out : body.outputs()) connect(local.find(out.name()), p.ownerNode(), sink);
    }

    private static List<String> pathOf(List<String> bodyPath, Node n) {
        List<String> own = new ArrayList<>(bodyPath);
        own.add(segment(n));
        return List.copyOf(own);
    }

    private static void connect(Source src, int target, Sink sink) {
        if (src == null || src.node() == target) return;
        if (src.port() >= 0) sink.edge(src.node(), target, src.port());
        else sink.edge(src.node(), target);
    }

    /** then_branch before else_branch whatever the file's attribute order, so the branches read then | else. */
    private static List<Attribute> bodiesInOrder(Node n) {
        List<Attribute> out = new ArrayList<>();
        for (Attribute a : n.attributes().values()) if (!a.subgraphs().isEmpty()) out.add(a);
        out.sort((x, y) -> Integer.compare(rank(x.name()), rank(y.name())));
        return out;
    }

    private static int rank(String attribute) {
        return attribute.equals("then_branch") ? 0 : attribute.equals("else_branch") ? 1 : 2;
    }

    /** The body node a key of {@code <owner>::<attribute>::<id>[::<attribute>::<id>...]} draws, with its graph; null if none. */
    static GraphLayoutInput.BodyNode find(Graph main, String key) {
        String[] parts = key.split("::", -1);
        if (parts.length < 3 || parts.length % 2 == 0) return null;
        Node owner = main.nodeById(parts[0]);
        Graph graph = null;
        Node node = null;
        for (int i = 1; i + 1 < parts.length && owner != null; i += 2) {
            graph = body(owner, parts[i]);
            node = graph == null ? null : graph.nodeById(parts[i + 1]);
            owner = node;
        }
        return node == null ? null : new GraphLayoutInput.BodyNode(node, graph);
    }

    /** then_branch, body, or a GRAPHS attribute's k-th graph written as name[k]. */
    private static Graph body(Node owner, String branch) {
        int k = 0;
        String name = branch;
        int open = branch.indexOf('[');
        if (open > 0 && branch.endsWith("]")) {
            name = branch.substring(0, open);
            k = Integer.parseInt(branch.substring(open + 1, branch.length() - 1));
        }
        Attribute a = owner.attribute(name);
        if (a == null || k >= a.subgraphs().size()) return null;
        return a.subgraphs().get(k);
    }
}
