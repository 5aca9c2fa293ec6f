package org.npustudio.onnx;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.npustudio.ir.Function;
import org.npustudio.ir.Graph;
import org.npustudio.ir.GraphIndex;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.OpsetId;
import org.npustudio.ir.ValueInfo;
import org.npustudio.onnx.ModelLoadException.Kind;

/**
 * Structural checks the ONNX checker also makes, run on load so later stages can trust the graph:
 * every value has one producer, every input is defined (in this graph or an enclosing one), the graph
 * is acyclic, each node's domain is imported, and ops in standard domains exist (or are model-local
 * functions). Custom domains that are imported may hold any op.
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
        v.checkGraph(model.graph(), "graph '" + model.graph().name() + "'", Set.of(), domains(model.opsetImports()));
        for (Function f : model.functions()) {
            Set<String> fdomains = domains(f.opsetImports());
            String where = "function '" + f.name() + "'";
            v.checkOps(f.body(), where, fdomains);
        }
    }

    private static Set<String> domains(List<OpsetId> opsets) {
        Set<String> s = new HashSet<>();
        for (OpsetId o : opsets) s.add(OperatorRegistry.canonicalDomain(o.domain()));
        return s;
    }

    /** Iterative over nesting levels: subgraphs are queued with the names visible to them. */
    private void checkGraph(Graph root, String rootWhere, Set<String> rootOuter, Set<String> domains) throws ModelLoadException {
        record Pending(Graph g, String where, Set<String> outer) {}
        java.util.ArrayDeque<Pending> todo = new java.util.ArrayDeque<>();
        todo.add(new Pending(root, rootWhere, rootOuter));
        while (!todo.isEmpty()) {
            Pending p = todo.poll();
            Set<String> visible = checkDefinitions(p.g(), p.where(), p.outer());
            checkOps(p.g(), p.where(), domains);
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

    private void checkOps(Graph g, String where, Set<String> domains) throws ModelLoadException {
        List<Node> nodes = g.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            String dom = OperatorRegistry.canonicalDomain(n.domain());
            boolean isFunction = model.function(n.domain(), n.opType()) != null;
            String place = where + " node " + i + " '" + n.displayName() + "' (" + n.opType() + ")";
            if (!domains.contains(dom) && !isFunction) {
                throw new ModelLoadException(Kind.UNKNOWN_DOMAIN, file, place, "domain '" + n.domain()
                        + "' is not imported by the model (opset_import lists " + domains + ")");
            }
            if (OperatorRegistry.isStandardDomain(dom) && !isFunction && !OperatorRegistry.isKnown(dom, n.opType())) {
                throw new ModelLoadException(Kind.UNKNOWN_OPERATOR, file, place, "'" + n.opType()
                        + "' is not an operator of domain '" + dom + "'");
            }
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
