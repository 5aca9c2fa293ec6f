package org.npustudio.graphview.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;
import org.npustudio.ir.ValueInfo;

/**
 * Adapter from the IR to the layout's compact input: graph inputs, operators (file order), optionally
 * initializers as small nodes, and graph outputs become layout nodes sized by their labels; each consumed value
 * becomes edges from its producer (bundled per output, so a tensor with many consumers shares its route).
 * Also carries each node's name-scope path for grouping. The bodies of If/Loop/Scan nodes are drawn too, in
 * a group per control-flow node ({@link ControlFlowBodies}).
 */
public final class GraphLayoutInput {
    /** What a layout node stands for. */
    public enum Kind { INPUT, OPERATOR, INITIALIZER, OUTPUT }

    /** How to build the input: label metrics and content, and whether initializers are drawn as nodes. */
    public record Settings(LabelMetrics metrics, NodeLabel.Content content, boolean showInitializers) {
        public static Settings defaults() { return new Settings(LabelMetrics.standard(), NodeLabel.Content.standard(), false); }

        public Settings withInitializers(boolean show) { return new Settings(metrics, content, show); }
    }

    private final LayoutGraph graph;
    private final Kind[] kinds;
    private final String[] refs;
    private final NodeLabel[] labels;
    private final List<List<String>> groupPaths;
    private final Node[] nodes;

    private GraphLayoutInput(LayoutGraph graph, Kind[] kinds, String[] refs, NodeLabel[] labels, List<List<String>> groupPaths,
                             Node[] nodes) {
        this.graph = graph;
        this.kinds = kinds;
        this.refs = refs;
        this.labels = labels;
        this.groupPaths = groupPaths;
        this.nodes = nodes;
    }

    /** Name scopes as PyTorch's exporter writes them: "/layer1/layer1.0/conv1/Conv" lies in layer1 > layer1.0 > conv1. */
    public static List<String> exporterScopes(Node node) {
        String name = node.name();
        if (name.indexOf('/') < 0) return List.of();
        List<String> parts = new ArrayList<>();
        for (String p : name.split("/")) if (!p.isEmpty()) parts.add(p);
        return parts.isEmpty() ? List.of() : List.copyOf(parts.subList(0, parts.size() - 1));
    }

    public static GraphLayoutInput from(Graph g, Settings settings) { return from(g, settings, GraphLayoutInput::exporterScopes); }

    /** @param scopeOf group path of an operator node (outermost first); empty for the top level */
    public static GraphLayoutInput from(Graph g, Settings settings, Function<Node, List<String>> scopeOf) {
        LayoutGraph.Builder b = LayoutGraph.builder();
        List<Kind> kinds = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        List<NodeLabel> labels = new ArrayList<>();
        List<List<String>> paths = new ArrayList<>();
        LabelMetrics metrics = settings.metrics();
        Map<String, Integer> inputNode = new HashMap<>();
        for (ValueInfo in : g.inputs()) {
            if (g.isInitializer(in.name()) || inputNode.containsKey(in.name())) continue;
            String shape = NodeLabel.shapeText(g, in.name());
            NodeLabel label = shape == null || !settings.content().shape() ? NodeLabel.of(in.name()) : NodeLabel.of(in.name(), shape);
            inputNode.put(in.name(), add(b, kinds, refs, labels, paths, Kind.INPUT, in.name(), label, List.of(), metrics, "in:"));
        }
        List<Node> nodes = g.nodes();
        int[] opNode = new int[nodes.size()];
        List<Node> owners = new ArrayList<>();
        List<Integer> ownerNodes = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            List<String> path = List.copyOf(scopeOf.apply(n));
            if (ControlFlowBodies.hasBodies(n)) {
                // A control-flow node lies in a group of its own, beside its bodies' nodes.
                List<String> own = new ArrayList<>(path);
                own.add(ControlFlowBodies.segment(n));
                path = List.copyOf(own);
            }
            opNode[i] = add(b, kinds, refs, labels, paths, Kind.OPERATOR, n.id(), NodeLabel.forNode(n, g, settings.content()),
                    path, metrics, "op:");
            if (ControlFlowBodies.hasBodies(n)) {
                owners.add(n);
                ownerNodes.add(opNode[i]);
            }
        }
        Map<Node, Integer> opIndex = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) opIndex.put(nodes.get(i), opNode[i]);
        Map<String, Integer> initNode = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            for (String v : n.inputs()) {
                if (v.isEmpty()) continue;
                Node p = g.producer(v);
                if (p != null && opIndex.containsKey(p)) {
                    b.addEdge(opIndex.get(p), opNode[i], Math.min(0xffff, p.outputs().indexOf(v)));
                } else if (inputNode.containsKey(v)) {
                    b.addEdge(inputNode.get(v), opNode[i]);
                } else if (settings.showInitializers() && g.isInitializer(v)) {
                    Integer t = initNode.get(v);
                    if (t == null) {
                        t = add(b, kinds, refs, labels, paths, Kind.INITIALIZER, v, NodeLabel.of(shortName(v)), paths.get(opNode[i]), metrics, "init:");
                        initNode.put(v, t);
                    }
                    b.addEdge(t, opNode[i]);
                }
            }
        }
        for (ValueInfo out : g.outputs()) {
            int o = add(b, kinds, refs, labels, paths, Kind.OUTPUT, out.name(), NodeLabel.of(out.name()), List.of(), metrics, "out:");
            Node p = g.producer(out.name());
            if (p != null && opIndex.containsKey(p)) b.addEdge(opIndex.get(p), o, Math.min(0xffff, p.outputs().indexOf(out.name())));
            else if (inputNode.containsKey(out.name())) b.addEdge(inputNode.get(out.name()), o);
        }
        Node[] irNode = new Node[kinds.size()];
        for (int i = 0; i < nodes.size(); i++) irNode[opNode[i]] = nodes.get(i);
        if (!owners.isEmpty()) {
            Map<Integer, Node> bodyNodes = new HashMap<>();
            addBodies(g, nodes, opNode, inputNode, owners, ownerNodes, paths, settings, b, kinds, refs, labels, bodyNodes);
            irNode = java.util.Arrays.copyOf(irNode, kinds.size());
            for (Map.Entry<Integer, Node> e : bodyNodes.entrySet()) irNode[e.getKey()] = e.getValue();
        }
        return new GraphLayoutInput(b.build(), kinds.toArray(new Kind[0]), refs.toArray(new String[0]),
                labels.toArray(new NodeLabel[0]), List.copyOf(paths), irNode);
    }

    private static void addBodies(Graph g, List<Node> nodes, int[] opNode, Map<String, Integer> inputNode, List<Node> owners,
                                  List<Integer> ownerNodes, List<List<String>> paths, Settings settings, LayoutGraph.Builder b,
                                  List<Kind> kinds, List<String> refs, List<NodeLabel> labels, Map<Integer, Node> bodyNodes) {
        Map<String, ControlFlowBodies.Source> main = new HashMap<>();
        for (Map.Entry<String, Integer> e : inputNode.entrySet()) main.put(e.getKey(), new ControlFlowBodies.Source(e.getValue(), -1));
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            for (int o = 0; o < n.outputs().size(); o++) {
                if (!n.output(o).isEmpty()) main.put(n.output(o), new ControlFlowBodies.Source(opNode[i], Math.min(0xffff, o)));
            }
        }
        int[] ownerIdx = ownerNodes.stream().mapToInt(Integer::intValue).toArray();
        List<List<String>> ownerPaths = new ArrayList<>();
        for (int v : ownerIdx) ownerPaths.add(paths.get(v));
        ControlFlowBodies.add(owners, ownerIdx, ownerPaths, new ControlFlowBodies.Scope(main, null), settings.content(),
                new ControlFlowBodies.Sink() {
                    @Override
                    public int add(Kind kind, String ref, NodeLabel label, List<String> path, Node node) {
                        int v = GraphLayoutInput.add(b, kinds, refs, labels, paths, kind, ref, label, path, settings.metrics(),
                                kind == Kind.INPUT ? "in:" : "op:");
                        if (node != null) bodyNodes.put(v, node);
                        return v;
                    }

                    @Override public void edge(int from, int to, int bundle) { b.addEdge(from, to, bundle); }

                    @Override public void edge(int from, int to) { b.addEdge(from, to); }
                });
    }

    private static int add(LayoutGraph.Builder b, List<Kind> kinds, List<String> refs, List<NodeLabel> labels, List<List<String>> paths,
                           Kind kind, String ref, NodeLabel label, List<String> path, LabelMetrics m, String keyPrefix) {
        kinds.add(kind);
        refs.add(ref);
        labels.add(label);
        paths.add(path);
        return b.addNode(label.width(m), label.height(m), keyPrefix + ref);
    }

    /** Initializer names are often long paths; the box shows the last segment only. */
    private static String shortName(String v) {
        int cut = Math.max(v.lastIndexOf('/'), v.lastIndexOf('.'));
        return cut >= 0 && cut < v.length() - 1 ? v.substring(cut + 1) : v;
    }

    public LayoutGraph graph() { return graph; }

    public Kind kind(int node) { return kinds[node]; }

    /** Node id for operators, value name for inputs, outputs and initializers. */
    public String ref(int node) { return refs[node]; }

    public NodeLabel label(int node) { return labels[node]; }

    /** Name-scope path of a layout node, outermost first (empty at top level). */
    public List<String> groupPath(int node) { return groupPaths.get(node); }

    public List<List<String>> groupPaths() { return groupPaths; }

    /** A node of a control-flow body and the body graph holding it. */
    public record BodyNode(Node node, Graph graph) {}

    /** The body node drawn under a scene key such as {@code if_0::then_branch::Relu_3}, or null. */
    public static BodyNode bodyNode(Graph main, String key) {
        return key.contains("::") ? ControlFlowBodies.find(main, key) : null;
    }

    /** The IR node an operator layout node draws (main graph or a control-flow body); null for other kinds. */
    public Node node(int node) { return nodes[node]; }

    /** Group paths (as {@link GroupTree#path} spells them) of the groups that hold a control-flow node and its bodies. */
    public java.util.Set<String> controlFlowGroupPaths() {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (int v = 0; v < nodes.length; v++) {
            if (nodes[v] != null && ControlFlowBodies.hasBodies(nodes[v])) out.add(String.join("/", groupPaths.get(v)));
        }
        return out;
    }
}
