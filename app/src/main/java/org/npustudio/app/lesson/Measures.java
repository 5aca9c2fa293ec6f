package org.npustudio.app.lesson;

import org.npustudio.analysis.OpCost;
import org.npustudio.analysis.OpCostModel;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.npusim.fusion.FusionMode;
import org.npustudio.npusim.sim.NodeResult;
import org.npustudio.npusim.sim.SimulationResult;
import org.npustudio.npusim.sim.Totals;
import org.npustudio.passes.ModelCopy;
import org.npustudio.passes.PassManager;
import org.npustudio.passes.Pipeline;
import org.npustudio.passes.PipelineResult;
import org.npustudio.passes.PipelineYaml;
import org.npustudio.passes.StandardRules;

/**
 * Computes a {@link Measure} on a work state with the product's code: node counts, MACs and parameters
 * ({@link OpCostModel}; each optionally after a pass pipeline, legalized as {@code compile} writes), weight bytes at
 * their stored precision ({@link WeightBytes}), and cycles,
 * latency and DRAM bytes (the NPU simulator). A value that cannot be known is an error, never 0.
 */
public final class Measures {
    private Measures() {}

    public static double compute(Measure m, WorkState work) throws StudioException {
        WorkState w = m.on() == Measure.On.START ? work.start() : work;
        return switch (m.type()) {
            case NODE_COUNT -> nodeCount(w, m);
            case MACS, PARAMS -> cost(w, m);
            case WEIGHT_BYTES -> WeightBytes.of(model(w, m).graph());
            case CYCLES, LATENCY_US, DRAM_BYTES -> simulated(w, m);
            case PARTITIONS -> PlanMeasures.partitions(w, m.param("devices"), m.param("device"));
            case TRANSFERS -> PlanMeasures.transfers(w.simulate(m.param("npu") == null ? Workspaces.NPU : m.param("npu"), fuse(m.param("fuse"))));
        };
    }

    /** Nodes of the main graph of one op type (null: all). */
    public static int count(Graph g, String op) {
        if (op == null) return g.nodes().size();
        int n = 0;
        for (Node node : g.nodes()) if (node.opType().equals(op)) n++;
        return n;
    }

    /** The node with this ONNX name (its stable id), or an error naming the file. */
    public static Node node(Model model, String name, String where) throws StudioException {
        Node n = model.graph().nodeById(name);
        if (n == null) throw new StudioException(where, "", "no node named '" + name + "'");
        return n;
    }

    private static double nodeCount(WorkState w, Measure m) throws StudioException {
        return count(model(w, m).graph(), m.param("op"));
    }

    /**
     * The model a static measure reads: the state's, or with {@code pipeline} a copy run through that pipeline
     * ({@code default} or a pipeline file of the lesson) and legalized, as {@code compile} would write it
     * ({@code legalize: false} keeps the fused operators, to count what a fusion pass made).
     */
    private static Model model(WorkState w, Measure m) throws StudioException {
        Model model = w.model();
        String pipeline = m.param("pipeline");
        if (pipeline == null) return model;
        Pipeline p = pipeline.equals("default") ? Pipeline.defaultPipeline()
                : PipelineYaml.read(w.lesson().folder().resolve(pipeline));
        Model copy = ModelCopy.of(model);
        PipelineResult r = new PassManager().run(copy, p);
        if (!r.succeeded()) throw r.failure();
        if (!"false".equals(m.param("legalize"))) StandardRules.legalize(copy);
        return copy;
    }

    private static double cost(WorkState w, Measure m) throws StudioException {
        Model model = model(w, m);
        OpCostModel costs = new OpCostModel(model.graph());
        String name = m.param("node");
        Iterable<Node> nodes = name == null ? model.graph().nodes() : java.util.List.of(node(model, name, w.where(Workspaces.MODEL)));
        long sum = 0;
        for (Node n : nodes) {
            OpCost c = costs.cost(n);
            if (m.type() == MeasureType.PARAMS) {
                sum += c.params();
            } else {
                if (c.macs().isEmpty()) {
                    throw new StudioException(w.where(Workspaces.MODEL), n.id(), "MACs of this " + n.opType() + " are not known (its shapes are not known)");
                }
                sum += c.macs().getAsLong();
            }
        }
        return sum;
    }

    private static double simulated(WorkState w, Measure m) throws StudioException {
        String npu = m.param("npu") == null ? Workspaces.NPU : m.param("npu");
        SimulationResult r = w.simulate(npu, fuse(m.param("fuse")));
        java.util.List<String> names = m.nodeNames();
        if (!names.isEmpty()) {
            double sum = 0;
            for (String name : names) sum += simulatedNode(w, r, m.type(), name);
            return sum;
        }
        Totals t = r.total();
        if (!t.complete()) throw new StudioException(w.where(Workspaces.MODEL), "", "the simulator could not cost " + t.uncostedSummary());
        return switch (m.type()) {
            case CYCLES -> t.cycles();
            case LATENCY_US -> t.makespanSeconds() * 1e6;
            default -> t.dramBytes();
        };
    }

    /** One node's cycles, latency or DRAM bytes; a node the simulator could not cost is an error. */
    private static double simulatedNode(WorkState w, SimulationResult r, MeasureType type, String name) throws StudioException {
        node(w.model(), name, w.where(Workspaces.MODEL));
        NodeResult n = r.node(name);
        if (n == null || !n.costed()) {
            throw new StudioException(w.where(Workspaces.MODEL), name, "the simulator could not cost this node"
                    + (n == null ? "" : " (" + n.uncosted() + ")"));
        }
        return switch (type) {
            case CYCLES -> n.cycles();
            case LATENCY_US -> n.latencyMicros();
            default -> n.dramBytes();
        };
    }

    /** Parses a fuse option (null: the plan's groups when it has some, else none). */
    public static FusionMode fuse(String s) {
        return s == null ? null : FusionMode.parse(s);
    }
}
