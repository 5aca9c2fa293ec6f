package org.npustudio.passes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;

/**
 * Where each main-graph node of a pipeline's input went: still itself, now part of another node (a
 * BatchNormalization folded into its Conv, a Conv and its Relu fused into a FusedConv), or removed — and
 * which pass moved it. Read from the passes' provenance ({@link Node#provenance()}: the ids a node
 * replaced or absorbed) step by step, so chains resolve (BN → Conv → FusedConv). A removed node that no
 * provenance claims but whose output value another node now produces counts as absorbed by that node.
 * Nodes inside If/Loop/Scan bodies are not tracked: their cost belongs to the owning node.
 */
public final class Lineage {
    /**
     * One input node's fate: {@code node} is the output node doing its work now (null: removed, it costs
     * nothing), {@code pass} the pass that first moved it off itself (null: it is still itself).
     */
    public record Fate(String original, String opType, String node, String pass) {
        public boolean removed() { return node == null; }

        public boolean unchanged() { return pass == null; }
    }

    private final Map<String, Fate> fates;
    private final Map<String, List<String>> originals;
    private final Map<String, String> addedBy;

    private Lineage(Map<String, Fate> fates, Map<String, List<String>> originals, Map<String, String> addedBy) {
        this.fates = fates;
        this.originals = originals;
        this.addedBy = addedBy;
    }

    /** Every input node's fate, in the input's node order. */
    public List<Fate> fates() { return List.copyOf(fates.values()); }

    public Fate fate(String originalId) { return fates.get(originalId); }

    /** The input nodes whose work output node {@code id} does, in input order (empty for a node a pass added). */
    public List<String> originalsOf(String id) { return originals.getOrDefault(id, List.of()); }

    /** The pass that added output node {@code id} with no input node behind it, or null. */
    public String addedBy(String id) { return addedBy.get(id); }

    /** Starts recording on {@code model} (before the pipeline runs); nodes matching {@code ignore} are not tracked. */
    public static Recorder recorder(Model model, Predicate<Node> ignore) { return new Recorder(model, ignore); }

    /** A {@link PassManager.Progress} that compares the main graph before each pass with the state before the previous one. */
    public static final class Recorder implements PassManager.Progress {
        private record Trace(List<String> provenance, List<String> outputs) {}

        private final Model model;
        private final Predicate<Node> ignore;
        private final Map<String, Integer> inputOrder = new HashMap<>();
        private final Map<String, String> opTypes = new LinkedHashMap<>();
        private final Map<String, List<String>> at = new HashMap<>();
        private final Map<String, String> movedBy = new HashMap<>();
        private final Map<String, String> addedBy = new HashMap<>();
        private Map<String, Trace> last;
        private String previousPass;

        private Recorder(Model model, Predicate<Node> ignore) {
            this.model = model;
            this.ignore = ignore;
            last = trace();
            for (Node n : model.graph().nodes()) {
                if (ignore.test(n)) continue;
                inputOrder.put(n.id(), inputOrder.size());
                opTypes.put(n.id(), n.opType());
                at.put(n.id(), new ArrayList<>(List.of(n.id())));
            }
        }

        @Override
        public void beforePass(int step, int total, String pass) {
            if (previousPass != null) step(previousPass);
            previousPass = pass;
        }

        /** Takes the last pass's changes into account and returns the lineage. */
        public Lineage finish() {
            if (previousPass != null) step(previousPass);
            previousPass = null;
            Map<String, String> nodeOf = new HashMap<>();
            Map<String, List<String>> originals = new HashMap<>();
            for (var e : at.entrySet()) {
                List<String> list = new ArrayList<>(e.getValue());
                list.sort((a, b) -> Integer.compare(inputOrder.get(a), inputOrder.get(b)));
                originals.put(e.getKey(), Collections.unmodifiableList(list));
                for (String o : list) nodeOf.put(o, e.getKey());
            }
            Map<String, Fate> fates = new LinkedHashMap<>();
            for (var e : opTypes.entrySet()) {
                String id = e.getKey();
                fates.put(id, new Fate(id, e.getValue(), nodeOf.get(id), movedBy.get(id)));
            }
            return new Lineage(fates, originals, Map.copyOf(addedBy));
        }

        private Map<String, Trace> trace() {
            Map<String, Trace> t = new LinkedHashMap<>();
            for (Node n : model.graph().nodes()) if (!ignore.test(n)) t.put(n.id(), new Trace(n.provenance(), n.outputs()));
            return t;
        }

        private void step(String pass) {
            Map<String, Trace> now = trace();
            List<String> gone = new ArrayList<>();
            for (String id : last.keySet()) if (!now.containsKey(id)) gone.add(id);
            if (gone.isEmpty() && now.size() == last.size()) {
                last = now;
                return;
            }
            Map<String, String> claimed = new HashMap<>();
            Map<String, String> producerNow = new HashMap<>();
            for (var e : now.entrySet()) {
                for (String p : e.getValue().provenance()) if (!now.containsKey(p) && last.containsKey(p)) claimed.putIfAbsent(p, e.getKey());
                for (String v : e.getValue().outputs()) if (!v.isEmpty()) producerNow.put(v, e.getKey());
            }
            for (String g : gone) {
                List<String> outs = last.get(g).outputs();
                if (!claimed.containsKey(g) && !outs.isEmpty() && producerNow.containsKey(outs.get(0))) claimed.put(g, producerNow.get(outs.get(0)));
                List<String> moved = at.remove(g);
                addedBy.remove(g);
                if (moved == null) continue;
                for (String o : moved) movedBy.putIfAbsent(o, pass);
                String target = claimed.get(g);
                if (target != null) at.computeIfAbsent(target, k -> new ArrayList<>()).addAll(moved);
            }
            for (String id : now.keySet()) {
                if (last.containsKey(id) || at.containsKey(id)) continue;
                at.put(id, new ArrayList<>());
                addedBy.put(id, pass);
            }
            for (var e : at.entrySet()) if (!e.getValue().isEmpty()) addedBy.remove(e.getKey());
            last = now;
        }
    }
}
