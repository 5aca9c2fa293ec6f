package org.npustudio.onnx;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.npustudio.ir.Graph;
import org.npustudio.ir.GraphIndex;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.ValueInfo;
import org.npustudio.onnx.ModelLoadException.Kind;

/**
 * Structural checks the ONNX checker also makes, run on load so later stages can trust the graph:
 * every value has one producer, every input is defined (in this graph or an enclosing one), the graph
 * is acyclic, and the model imports at least one opset. Ops are never refused: an op without a known
 * schema (any domain, imported or not) loads as an opaque node, see {@link OpaqueOps}.
 */
public final class ModelValidator {
    private final String file;
    private final Model model;

    private ModelValidator(String file, Model model) {
        this.file = file;
        this.model = model;
    }

    public static void validate(Model model, String file) throws ModelLoadException {
        ModelValidator v = new ModelValidator(file, model);
        v.checkImports();
        v.checkGraph(model.graph(), "graph '" + model.graph().name() + "'", Set.of());
    }

    /** Iterative over nesting levels: subgraphs are queued with the names visible to them. */
    private void checkGraph(Graph root, String rootWhere, Set<String> rootOuter) throws ModelLoadException {
        record Pending(Graph g, String where, Set<String> outer) {}
        java.util.ArrayDeque<Pending> todo = new java.util.ArrayDeque<>();
        todo.add(new Pending(root, rootWhere, rootOuter));
        while (!todo.isEmpty()) {
            Pending p = todo.poll();
            Set<String> visible = checkDefinitions(p.g(), p.where(), p.outer());
            checkAcyclic(p.g(), p.where());
            List<Node> nodes = p.g().nodes();
            for (int i = 0; i < nodes.size(); i++) {
                Node n = nodes.get(i);
                for (var a : n.attributes().values()) {
                    for (Graph sub : a.subgraphs()) {
                        todo.add(new Pending(sub, p.where() + " node " + i + " '" + n.displayName() + "' attribute '"
                                + a.name() + "' graph", visible));
                    }
                }
            }
        }
    }

    /** Returns every name visible to this graph's subgraphs (outer names plus this graph's values). */
    private Set<String> checkDefinitions(Graph g, String where, Set<String> outer) throws ModelLoadException {
        Map<String, String> producedBy = new HashMap<>();
        for (ValueInfo in : g.inputs()) {
            if (producedBy.put(in.name(), "graph input") != null) {
                throw new ModelLoadException(Kind.DUPLICATE_OUTPUT, file, where, "graph input '" + in.name() + "' is declared twice");
            }
        }
        for (String init : g.initializers().keySet()) producedBy.putIfAbsent(init, "initializer");
        for (var sp : g.sparseInitializers()) producedBy.putIfAbsent(sp.getValues().getName(), "sparse initializer");
        List<Node> nodes = g.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            for (String out : n.outputs()) {
                if (out.isEmpty()) continue;
                String prev = producedBy.put(out, "node " + i + " '" + n.displayName() + "'");
                if (prev != null) {
                    throw new ModelLoadException(Kind.DUPLICATE_OUTPUT, file, where + " node " + i + " '" + n.displayName() + "'",
                            "output '" + out + "' is already produced by " + prev);
                }
            }
        }
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            for (String in : n.inputs()) {
                if (!in.isEmpty() && !producedBy.containsKey(in) && !outer.contains(in)) {
                    throw new ModelLoadException(Kind.UNDEFINED_INPUT, file, where + " node " + i + " '" + n.displayName() + "' ("
                            + n.opType() + ")", "input '" + in + "' is produced by no node, graph input or initializer");
                }
            }
        }
        for (ValueInfo out : g.outputs()) {
            if (!producedBy.containsKey(out.name()) && !outer.contains(out.name())) {
                throw new ModelLoadException(Kind.UNDEFINED_INPUT, file, where, "graph output '" + out.name() + "' is never produced");
            }
        }
        Set<String> visible = new HashSet<>(outer);
        visible.addAll(producedBy.keySet());
        return visible;
    }

    /**
     * ONNX Runtime refuses a model without any opset import ("Missing opset in the model"): without one
     * no op has a defined meaning. Everything about single ops (unknown names, domains not imported) is
     * a warning instead, listed by {@link OpaqueOps#warnings}: such nodes load as opaque nodes.
     */
    private void checkImports() throws ModelLoadException {
        if (model.opsetImports().isEmpty() && !model.graph().nodes().isEmpty()) {
            throw new ModelLoadException(Kind.UNKNOWN_DOMAIN, file, "opset_import", "the model imports no opset, so no"
                    + " operator has a defined meaning (ONNX Runtime refuses it too); add an opset_import entry");
        }
    }

    private void checkAcyclic(Graph g, String where) throws ModelLoadException {
        GraphIndex idx = g.index();
        if (idx.topologicalOrder() == null) {
            List<String> names = idx.nodesOnCycles().stream().limit(6).map(Node::displayName).toList();
            throw new ModelLoadException(Kind.CYCLE, file, where, "the graph has a cycle through nodes " + names);
        }
    }
}
