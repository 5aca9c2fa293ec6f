package org.npustudio.passes.opt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.ValueInfo;
import org.npustudio.passes.BasePass;
import org.npustudio.passes.GraphEdits;
import org.npustudio.passes.ModelCopy;
import org.npustudio.passes.PassContext;
import org.npustudio.passes.PassInfo;
import org.npustudio.passes.PassOptions;
import org.npustudio.passes.ValueNames;
import org.npustudio.shape.ShapeInference;
import org.npustudio.shape.ShapeInferenceReport;

/**
 * Replaces an If whose condition is a known constant by the nodes of the branch it takes. The condition
 * is decided by shape inference's constant propagation (initializers, Constant nodes, Equal, Shape of a
 * static shape, ...; the If's {@code deadBranches}), run on a structural copy so the model itself only
 * changes when an If goes. The branch's nodes move into the If's graph at its place, keeping their ids;
 * the values they define keep their names unless taken elsewhere in the model (then {@code name_1}...),
 * and a branch output produced there is renamed to the If's output (an Identity, with the If's id as
 * provenance, where the branch returns an outer value, an initializer or one value twice). Ifs nested in
 * the taken branch are decided again once they are in the graph, until none is left. Ifs inside bodies
 * that stay (loops, undecided Ifs) are left alone. The condition's producers are left for
 * dead-code-elimination.
 */
public final class InlineConstantIfPass extends BasePass {
    public static final PassInfo INFO = new PassInfo("inline-constant-if",
            "replace an If whose condition is constant by the nodes of the branch it takes", List.of(),
            InlineConstantIfPass::new);

    public InlineConstantIfPass(PassOptions o) {
        super(INFO.name(), o);
    }

    @Override
    public boolean run(Model model, PassContext ctx) {
        boolean changed = false;
        while (true) {
            Map<String, String> taken = decided(model);
            if (taken.isEmpty()) return changed;
            for (Map.Entry<String, String> e : taken.entrySet()) {
                Node n = model.graph().nodeById(e.getKey());
                ctx.visit(n);
                inline(model, n, e.getValue());
                ctx.note("inlined the " + e.getValue() + " of If '" + n.id() + "'");
            }
            GraphEdits.sortTopologically(model.graph());
            changed = true;
        }
    }

    /** Id of each main-graph If with a constant condition → the branch attribute it takes. */
    private static Map<String, String> decided(Model model) {
        Map<String, String> out = new HashMap<>();
        Set<String> ifs = new HashSet<>();
        for (Node n : model.graph().nodes()) if (GraphEdits.is(n, "If")) ifs.add(n.id());
        if (ifs.isEmpty()) return out;
        ShapeInferenceReport r = ShapeInference.infer(ModelCopy.of(model));
        for (ShapeInferenceReport.DeadBranch d : r.deadBranches()) {
            if (ifs.contains(d.nodeId())) out.put(d.nodeId(), d.branch().equals("then_branch") ? "else_branch" : "then_branch");
        }
        return out;
    }

    /** Moves {@code branch} of If {@code ifNode} into the If's graph in its place and removes the If. */
    static void inline(Model model, Node ifNode, String branchAttr) {
        Graph g = ifNode.graph();
        Attribute a = ifNode.attribute(branchAttr);
        Graph branch = a.asGraph();
        int at = g.nodes().indexOf(ifNode);
        g.removeNode(ifNode);
        ValueNames names = ValueNames.deep(g); // the If is gone: the branch's own names count as free

        // Branch outputs made by a branch node become the If's outputs directly; the rest need an Identity.
        Map<String, String> rename = new HashMap<>();
        Set<String> madeByNode = new HashSet<>();
        for (Node n : branch.nodes()) for (String o : n.outputs()) if (!o.isEmpty()) madeByNode.add(o);
        List<String[]> identities = new ArrayList<>();
        for (int i = 0; i < ifNode.outputs().size(); i++) {
            String io = ifNode.output(i);
            if (io.isEmpty() || i >= branch.outputs().size()) continue;
            String bo = branch.outputs().get(i).name();
            if (madeByNode.contains(bo) && !rename.containsKey(bo)) rename.put(bo, io);
            else identities.add(new String[] {bo, io});
        }
        for (String d : branch.definedValues()) if (!rename.containsKey(d)) rename.put(d, names.fresh(d));

        for (Node n : List.copyOf(branch.nodes())) {
            n.setInputs(n.inputs().stream().map(v -> rename.getOrDefault(v, v)).toList());
            n.setOutputs(n.outputs().stream().map(v -> rename.getOrDefault(v, v)).toList());
            renameCaptured(n, rename);
            branch.removeNode(n);
            g.addNode(at++, n);
        }
        for (Tensor t : branch.initializers().values()) g.putInitializer(t.withName(rename.get(t.name())));
        for (ValueInfo v : branch.valueInfos()) {
            String to = rename.getOrDefault(v.name(), v.name());
            if (g.valueInfo(to) == null) g.putValueInfo(v.withName(to));
        }
        for (String[] p : identities) {
            Node id = new Node(model.freshNodeId(ifNode.id() + "_out"), "", "Identity", "",
                    List.of(rename.getOrDefault(p[0], p[0])), List.of(p[1]));
            id.setProvenance(List.of(ifNode.id()));
            g.addNode(at++, id);
        }
    }

    /** Renames captured values inside {@code n}'s bodies, except where a body defines the name itself. */
    private static void renameCaptured(Node n, Map<String, String> rename) {
        if (n.subgraphs().isEmpty()) return;
        n.editSubgraphs(() -> {
            for (Graph body : n.subgraphs()) {
                Map<String, String> visible = new HashMap<>(rename);
                visible.keySet().removeAll(body.definedValues());
                if (visible.isEmpty()) continue;
                for (Node c : body.nodes()) {
                    c.setInputs(c.inputs().stream().map(v -> visible.getOrDefault(v, v)).toList());
                    renameCaptured(c, visible);
                }
                body.setOutputs(body.outputs().stream().map(o -> visible.containsKey(o.name()) ? o.withName(visible.get(o.name())) : o).toList());
            }
        });
    }
}
