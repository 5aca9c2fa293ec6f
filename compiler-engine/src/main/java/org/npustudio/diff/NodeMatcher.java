package org.npustudio.diff;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;

/**
 * Pairs nodes of an old and a new graph.
 * <ul>
 *   <li>{@link #byId}: within one pipeline, where passes keep stable ids (like IGV within a method).</li>
 *   <li>{@link #structural}: two arbitrary models (e.g. exported by two tools, or nodes without
 *       names). First by ONNX name (unique on both sides), then anchored at graph inputs, initializers
 *       (by name, else by content) and outputs, then outward from every matched pair by op type, port
 *       and, among look-alikes, a signature of attributes and matched inputs ({@link StructuralMatcher}).
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
        return new StructuralMatcher(a, b).run();
    }
}
