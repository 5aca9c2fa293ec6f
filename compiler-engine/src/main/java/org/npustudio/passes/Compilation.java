package org.npustudio.passes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.ValueInfo;
import org.npustudio.plan.WeightNodes;
import org.npustudio.shape.ShapeInference;

/**
 * The graph a compiler would run, for costing: a pipeline over a copy of the opened model (the opened
 * model is not touched), with the {@link Lineage} that maps every compiled node back to the nodes the user
 * sees. Fused operators stay fused (no legalization): a FusedConv is what an NPU runs.
 *
 * <p>With regions (a partition plan's device per node id), no pass may merge nodes of two regions: every
 * value read across a region boundary goes through a fence, an op of its own domain that no pass knows
 * and so never looks through (a Conv on the NPU keeps its BatchNormalization on the CPU unfolded). The
 * fences are taken out after the pipeline. Weights (Constants and constant-only chains) are not fenced:
 * they are copied to every reader anyway, and folding needs to see them.
 */
public final class Compilation {
    /** The domain of the fence op; never written to a file. */
    public static final String FENCE_DOMAIN = "org.npustudio.fence";

    private Compilation() {}

    /** The compiled copy, where its nodes came from, and the pipeline's record. */
    public record Result(Model model, Lineage lineage, PipelineResult run) {}

    /**
     * Compiles a copy of {@code opened} (shapes inferred) with {@code pipeline}; {@code regionOf} (node id →
     * region, may be null or empty: one region) keeps passes from merging nodes across regions. A failing
     * pass is thrown as its {@link PassFailure} (pass, step, node).
     */
    public static Result compile(Model opened, Pipeline pipeline, Map<String, String> regionOf) throws StudioException {
        Model m = ModelCopy.of(opened);
        List<Node> fences = regionOf == null || regionOf.isEmpty() ? List.of() : fence(m, regionOf);
        Lineage.Recorder recorder = Lineage.recorder(m, n -> n.domain().equals(FENCE_DOMAIN));
        PipelineResult run = new PassManager().snapshots(false).onProgress(recorder).run(m, pipeline);
        if (run.failure() != null) throw run.failure();
        Lineage lineage = recorder.finish();
        if (!fences.isEmpty()) unfence(m);
        ShapeInference.infer(m); // the simulator reads every shape; a pipeline file need not end with shape-inference
        return new Result(m, lineage, run);
    }

    private static List<Node> fence(Model m, Map<String, String> regionOf) {
        Graph g = m.graph();
        WeightNodes weights = WeightNodes.of(g);
        List<Node> fences = new ArrayList<>();
        for (Node producer : List.copyOf(g.nodes())) {
            String from = regionOf.getOrDefault(producer.id(), "");
            for (String v : producer.outputs()) {
                if (v.isEmpty() || weights.isWeightValue(v)) continue;
                Map<String, String> fencedFor = new HashMap<>();
                for (Node reader : List.copyOf(g.consumers(v))) {
                    String to = regionOf.getOrDefault(reader.id(), "");
                    if (to.equals(from)) continue;
                    String fenced = fencedFor.computeIfAbsent(to, k -> {
                        Node f = new Node(m.freshNodeId("Fence"), "", "Fence", FENCE_DOMAIN, List.of(v), List.of(v + "__fence_" + fences.size()));
                        g.addNode(f);
                        fences.add(f);
                        ValueInfo type = g.valueInfo(v);
                        if (type != null) g.putValueInfo(type.withName(f.output(0)));
                        else if (g.typeOf(v) != null) g.putValueInfo(new ValueInfo(f.output(0), g.typeOf(v), "", null, null));
                        return f.output(0);
                    });
                    for (int i = 0; i < reader.inputs().size(); i++) if (reader.input(i).equals(v)) reader.setInput(i, fenced);
                }
            }
        }
        if (!fences.isEmpty()) GraphEdits.ensureOpset(m, FENCE_DOMAIN, 1);
        GraphEdits.sortTopologically(g);
        return fences;
    }

    private static void unfence(Model m) {
        Graph g = m.graph();
        for (Node f : List.copyOf(g.nodes())) {
            if (!f.domain().equals(FENCE_DOMAIN)) continue;
            g.removeNode(f);
            GraphEdits.replaceUses(g, f.output(0), f.input(0));
            g.removeValueInfo(f.output(0));
        }
        m.opsetImports().removeIf(o -> o.domain().equals(FENCE_DOMAIN));
        GraphEdits.sortTopologically(g);
    }
}
