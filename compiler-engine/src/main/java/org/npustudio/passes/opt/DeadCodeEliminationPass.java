package org.npustudio.passes.opt;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.ValueInfo;
import org.npustudio.passes.BasePass;
import org.npustudio.passes.PassContext;
import org.npustudio.passes.PassInfo;
import org.npustudio.passes.PassOptions;

/**
 * Removes nodes none of whose outputs reaches a graph output, then initializers and value_info entries
 * nothing reads. ONNX operators have no side effects, so this holds for custom-domain ops too. One
 * backward sweep from the graph outputs: linear in the graph size.
 */
public final class DeadCodeEliminationPass extends BasePass {
    public static final PassInfo INFO = new PassInfo("dead-code-elimination",
            "remove nodes, initializers and value_info that no graph output depends on", List.of(),
            DeadCodeEliminationPass::new);

    public DeadCodeEliminationPass(PassOptions o) {
        super(INFO.name(), o);
    }

    @Override
    public boolean appliesToBodies() { return true; }

    @Override
    public boolean run(Model model, PassContext ctx) {
        Graph g = model.graph();
        Map<String, Node> producer = new HashMap<>();
        for (Node n : g.nodes()) for (String o : n.outputs()) if (!o.isEmpty()) producer.put(o, n);
        Set<String> live = new HashSet<>();
        Set<Node> liveNodes = new HashSet<>();
        ArrayDeque<String> todo = new ArrayDeque<>();
        for (ValueInfo o : g.outputs()) todo.add(o.name());
        while (!todo.isEmpty()) {
            String v = todo.poll();
            if (!live.add(v)) continue;
            Node p = producer.get(v);
            if (p != null && liveNodes.add(p)) {
                for (String in : p.inputs()) if (!in.isEmpty()) todo.add(in);
                for (Graph sub : p.subgraphs()) todo.addAll(sub.outerScopeReferences());
            }
        }
        boolean changed = false;
        for (Node n : List.copyOf(g.nodes())) {
            if (!liveNodes.contains(n)) {
                g.removeNode(n);
                ctx.note("removed " + n.opType() + " '" + n.id() + "'");
                changed = true;
            }
        }
        for (String init : List.copyOf(g.initializers().keySet())) {
            if (!live.contains(init) && !g.isGraphInput(init)) {
                g.removeInitializer(init);
                changed = true;
            }
        }
        Set<String> produced = new HashSet<>();
        for (Node n : g.nodes()) produced.addAll(n.outputs());
        for (ValueInfo v : g.valueInfos()) {
            if (!produced.contains(v.name()) && !g.isGraphInput(v.name()) && !g.initializers().containsKey(v.name())) {
                g.removeValueInfo(v.name());
                changed = true;
            }
        }
        return changed;
    }
}
