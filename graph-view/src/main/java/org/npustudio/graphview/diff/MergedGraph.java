package org.npustudio.graphview.diff;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.npustudio.diff.ModelDiff;
import org.npustudio.diff.NodeDiff;
import org.npustudio.diff.NodeState;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.ValueInfo;
import org.npustudio.passes.ModelCopy;

/**
 * One graph showing a diff in a single view: the new graph plus every deleted node as a "ghost", for
 * drawing only (never written or run). A ghost keeps its old id (suffixed only if the new graph reuses
 * it) and its name, so laid out against the old graph it sits where it was. Its inputs are rewired to
 * what now stands for them: another ghost's output, or the same output port of the node the old producer
 * became (a BatchNormalization folded into its Conv hangs off that Conv). Values a ghost produces get a
 * "~deleted" suffix when the new graph uses their name; survivors never read ghosts.
 */
public final class MergedGraph {
    private static final String SUFFIX = "~deleted";
    private final Graph graph;
    private final Map<String, String> ghostOfOld;
    private final Map<String, String> oldOfGhost;
    private final Set<String> ghostValues;

    private MergedGraph(Graph graph, Map<String, String> ghostOfOld, Set<String> ghostValues) {
        this.graph = graph;
        this.ghostOfOld = Collections.unmodifiableMap(ghostOfOld);
        Map<String, String> inverse = new HashMap<>();
        ghostOfOld.forEach((o, g) -> inverse.put(g, o));
        this.oldOfGhost = Collections.unmodifiableMap(inverse);
        this.ghostValues = Collections.unmodifiableSet(ghostValues);
    }

    public static MergedGraph of(Graph before, Graph after, ModelDiff diff) {
        Graph m = ModelCopy.copy(after);
        Set<String> ids = new HashSet<>();
        Set<String> taken = new HashSet<>(after.definedValues());
        for (Node n : after.nodes()) ids.add(n.id());
        List<NodeDiff> deleted = diff.withState(NodeState.DELETED);
        Map<String, String> ghostOfOld = new HashMap<>();
        Map<String, String> valueOfOld = new HashMap<>();
        Set<String> ghostValues = new LinkedHashSet<>();
        for (NodeDiff d : deleted) {
            Node x = before.nodeById(d.oldId());
            if (x == null) continue;
            ghostOfOld.put(x.id(), unique(x.id(), ids));
            for (String v : x.outputs()) {
                if (v.isEmpty()) continue;
                String gv = unique(v, taken);
                valueOfOld.put(v, gv);
                ghostValues.add(gv);
            }
        }
        for (NodeDiff d : deleted) {
            Node x = before.nodeById(d.oldId());
            if (x == null) continue;
            List<String> inputs = x.inputs().stream().map(v -> source(v, before, after, diff, valueOfOld, m)).toList();
            List<String> outputs = x.outputs().stream().map(v -> v.isEmpty() ? "" : valueOfOld.get(v)).toList();
            Node ghost = new Node(ghostOfOld.get(x.id()), x.name(), x.opType(), x.domain(), inputs, outputs);
            for (Attribute a : x.attributes().values()) ghost.setAttribute(a);
            ghost.setProvenance(x.provenance());
            m.addNode(ghost);
            for (int i = 0; i < outputs.size(); i++) {
                ValueInfo vi = before.valueInfo(x.output(i));
                if (vi != null && !outputs.get(i).isEmpty()) m.putValueInfo(vi.withName(outputs.get(i)));
            }
        }
        return new MergedGraph(m, ghostOfOld, ghostValues);
    }

    /** What a ghost's input {@code v} (a value of the old graph) reads in the merged graph; "" when nothing stands for it. */
    private static String source(String v, Graph before, Graph after, ModelDiff diff, Map<String, String> valueOfOld, Graph m) {
        if (v.isEmpty()) return "";
        String ghost = valueOfOld.get(v);
        if (ghost != null) return ghost;
        Node p = before.producer(v);
        if (p == null) {
            Tensor t = before.isGraphInput(v) ? null : before.initializers().get(v);
            if (t != null && !m.isInitializer(v) && after.producer(v) == null) m.putInitializer(t);
            return v;
        }
        NodeDiff pd = diff.forOld(p.id());
        Node q = pd == null || pd.newId() == null ? null : after.nodeById(pd.newId());
        if (q == null) return "";
        if (after.producer(v) == q) return v;
        int port = p.outputs().indexOf(v);
        return port >= 0 && port < q.outputs().size() ? q.output(port) : "";
    }

    private static String unique(String base, Set<String> taken) {
        String s = taken.contains(base) ? base + SUFFIX : base;
        for (int k = 2; taken.contains(s); k++) s = base + SUFFIX + k;
        taken.add(s);
        return s;
    }

    public Graph graph() { return graph; }

    /** The ghost's node id for a deleted node of the old graph, or null. */
    public String ghostIdOf(String oldId) { return ghostOfOld.get(oldId); }

    /** The old graph's id for a ghost node id, or null when {@code id} is not a ghost. */
    public String oldIdOf(String ghostId) { return oldOfGhost.get(ghostId); }

    public boolean isGhost(String id) { return oldOfGhost.containsKey(id); }

    /** Values produced by ghosts (their edges are drawn faded). */
    public Set<String> ghostValues() { return ghostValues; }
}
