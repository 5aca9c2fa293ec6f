package org.npustudio.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;

/**
 * The name-scope hierarchy that exporters encode in node names: PyTorch writes
 * {@code /layer1/layer1.0/conv1/Conv}, TensorFlow {@code layer1/conv1/Conv2D}. Every segment but the last
 * is a scope; the last names the operation itself. Empty segments (leading, doubled or trailing
 * slashes) are ignored, and a name without '/' has no scope. Built without recursion, so very large
 * and very deeply nested graphs are fine.
 */
public final class NameScopes {
    private final Scope root = new Scope("", "", null);
    private final Map<String, Scope> byPath = new HashMap<>();
    private final Map<String, Scope> byNode = new HashMap<>();

    private NameScopes() {
        byPath.put("", root);
    }

    /** The scope tree of a graph's nodes (not descending into subgraphs). */
    public static NameScopes of(Graph graph) {
        return of(graph.nodes());
    }

    public static NameScopes of(List<Node> nodes) {
        NameScopes s = new NameScopes();
        for (Node n : nodes) s.add(n.id(), n.name());
        return s;
    }

    private void add(String nodeId, String nodeName) {
        Scope at = root;
        root.countOne();
        for (String segment : scopeSegments(nodeName)) {
            at = at.childOrCreate(segment);
            byPath.putIfAbsent(at.path(), at);
            at.countOne();
        }
        at.addMember(nodeId);
        byNode.put(nodeId, at);
    }

    /** The scope segments of a node name: {@code /a/b/Conv} gives [a, b]; {@code Conv} gives []. */
    public static List<String> scopeSegments(String nodeName) {
        List<String> out = new ArrayList<>();
        if (nodeName == null) return out;
        int last = nodeName.lastIndexOf('/');
        int start = 0;
        while (start < last) {
            int slash = nodeName.indexOf('/', start);
            if (slash > start) out.add(nodeName.substring(start, slash));
            start = slash + 1;
        }
        return out;
    }

    public Scope root() { return root; }

    /** The scope with this path (e.g. {@code layer1/layer1.0}), or null. */
    public Scope find(String path) { return byPath.get(path); }

    /** The innermost scope that directly holds a node, or null for an unknown id. */
    public Scope scopeOf(String nodeId) { return byNode.get(nodeId); }

    /** Number of scopes, excluding the root. */
    public int scopeCount() { return byPath.size() - 1; }
}
