package org.npustudio.onnx;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;

/**
 * Ops without a known schema: not a standard ONNX op, not one of the experimental ops of early opsets,
 * not a model-local function. They load like any node (drawn, inspectable, placed on the CPU) but
 * nothing about them is computed: their output types come from the file's value_info or from running
 * the model in ONNX Runtime ({@code runtime.OpaqueTypeProbe}).
 */
public final class OpaqueOps {
    private OpaqueOps() {}

    /** What the inspector shows for an opaque node. */
    public static final String DESCRIPTION = "no schema known: opaque";

    public static boolean isOpaque(Model model, Node n) {
        if (model != null && model.function(n.domain(), n.opType()) != null) return false;
        return !OperatorRegistry.isKnown(n.domain(), n.opType());
    }

    /** Opaque nodes of the main graph and every nested subgraph, in file order per graph. */
    public static List<Node> of(Model model) {
        List<Node> out = new ArrayList<>();
        for (Node n : allNodes(model.graph())) if (isOpaque(model, n)) out.add(n);
        return out;
    }

    /** Distinct opaque op types, qualified by domain outside the default one ("com.x.Foo", "Bar"). */
    public static Set<String> types(Model model) {
        Set<String> out = new LinkedHashSet<>();
        for (Node n : of(model)) out.add(qualified(n));
        return out;
    }

    /**
     * What loaded but deserves a word: nodes in a domain the model does not import (ONNX Runtime adds the
     * domains it knows at their latest version and fails on the others), and standard-domain names no
     * opset defines (ONNX Runtime would fail to create a session unless it has a kernel of that name).
     */
    public static List<String> warnings(Model model) {
        Set<String> out = new LinkedHashSet<>();
        for (Node n : allNodes(model.graph())) {
            if (model.function(n.domain(), n.opType()) != null) continue;
            if (model.opsetVersion(n.domain()) < 0) {
                out.add("domain '" + OperatorRegistry.canonicalDomain(n.domain()) + "' of " + qualified(n)
                        + " is not imported by the model; " + (isOpaque(model, n) ? "loaded as an opaque node"
                        : "read at its latest opset, as ONNX Runtime does"));
            } else if (OperatorRegistry.isStandardDomain(n.domain()) && !OperatorRegistry.isKnown(n.domain(), n.opType())) {
                out.add("'" + n.opType() + "' is not an operator of domain '" + OperatorRegistry.canonicalDomain(n.domain())
                        + "' in any opset we know; loaded as an opaque node");
            }
        }
        return new ArrayList<>(out);
    }

    public static String qualified(Node n) {
        return n.domain().isEmpty() || n.domain().equals("ai.onnx") ? n.opType() : n.domain() + "." + n.opType();
    }

    private static List<Node> allNodes(Graph root) {
        List<Node> out = new ArrayList<>();
        ArrayDeque<Graph> todo = new ArrayDeque<>();
        todo.add(root);
        while (!todo.isEmpty()) {
            Graph g = todo.poll();
            for (Node n : g.nodes()) {
                out.add(n);
                todo.addAll(n.subgraphs());
            }
        }
        return out;
    }
}
