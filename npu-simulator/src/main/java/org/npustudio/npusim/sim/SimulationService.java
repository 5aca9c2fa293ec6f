package org.npustudio.npusim.sim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.config.NpuConfig;
import org.npustudio.npusim.cost.HostCosts;
import org.npustudio.npusim.fusion.FusionMode;
import org.npustudio.npusim.mapping.OnnxWorkMapper;
import org.npustudio.npusim.work.WorkGraph;
import org.npustudio.host.HostProfile;
import org.npustudio.passes.Compilation;
import org.npustudio.passes.Pipeline;
import org.npustudio.plan.ModelRef;
import org.npustudio.plan.Plan;

/**
 * Simulation as one service: an opened, shape-inferred graph (or a SCALE-Sim work graph), an NPU, an
 * optional plan and the options in, a {@link SimulationResult} out. {@code npustudio simulate}, {@code
 * npustudio report}, the IDE's profiling session and the live benchmark all come through here; reading
 * files stays with the callers.
 */
public final class SimulationService {
    private SimulationService() {}

    /**
     * Fusion mode (null: the plan's groups when it has some, else none), Loop trip counts by node id, and an
     * optional host profile (null: the CPU roofline) with the model file it is checked against (null: no check).
     */
    public record Options(FusionMode fuse, Map<String, Long> loopTrips, HostProfile hostProfile, ModelRef model) {
        public static final Options DEFAULT = new Options(null, Map.of());

        public Options {
            loopTrips = loopTrips == null ? Map.of() : Map.copyOf(loopTrips);
        }

        public Options(FusionMode fuse, Map<String, Long> loopTrips) { this(fuse, loopTrips, null, null); }

        /** The same options with measured host costs from {@code profile}, checked against {@code model}. */
        public Options withHost(HostProfile profile, ModelRef model) { return new Options(fuse, loopTrips, profile, model); }
    }

    /**
     * Simulates an open graph (shapes already inferred) on {@code npu} with an optional partition plan;
     * {@code planDir} resolves the plan's relative device descriptions (may be null).
     */
    public static SimulationResult simulate(Graph inferred, NpuConfig npu, Plan plan, Path planDir, Options o) throws StudioException {
        WorkGraph graph = workGraph(inferred, inferred.name(), o.loopTrips());
        List<String> warnings = new ArrayList<>();
        HostCosts host = HostCosts.bind(o.hostProfile(), "host profile", graph, o.model(), warnings);
        return simulate(graph, Device.of(npu), plan, planDir, o.fuse(), "plan", warnings, host);
    }

    /** The simulator's view of an inferred ONNX graph; {@code source} names it in errors. */
    public static WorkGraph workGraph(Graph inferred, String source, Map<String, Long> loopTrips) throws StudioException {
        try {
            return OnnxWorkMapper.map(inferred, loopTrips);
        } catch (IllegalStateException e) {
            throw new StudioException(source, "graph", e.getMessage());
        }
    }

    /**
     * Simulates a work graph with an optional plan (see {@link SimulationPlan}); {@code warnings} (from reading
     * inputs) come first in the result's warnings. {@code planSource} names the plan in errors.
     */
    public static SimulationResult simulate(WorkGraph graph, Device npu, Plan plan, Path planDir, FusionMode fuse, String planSource,
                                            List<String> warnings) throws StudioException {
        return simulate(graph, npu, plan, planDir, fuse, planSource, warnings, HostCosts.NONE);
    }

    /** As above, with measured host costs for the nodes that run on a CPU device (see {@link HostCosts#bind}). */
    public static SimulationResult simulate(WorkGraph graph, Device npu, Plan plan, Path planDir, FusionMode fuse, String planSource,
                                            List<String> warnings, HostCosts host) throws StudioException {
        List<String> all = new ArrayList<>(warnings);
        return run(graph, SimulationPlan.of(plan, npu, planDir, planSource, all), fuse, all, host);
    }

    /**
     * Simulates what a compiler would run (docs/npu-simulator.md, "As compiled"): {@code pipeline} over a copy
     * of {@code opened}, the compiled graph costed, and the costs told on {@code opened}'s nodes
     * ({@link AsCompiled}). The plan names opened nodes; each compiled node runs on the device of the node it
     * came from, and no pass merges nodes the plan puts on different devices. {@code source} names the model
     * in errors.
     */
    public static SimulationResult simulateCompiled(Model opened, String source, Pipeline pipeline, Device npu, Plan plan, Path planDir,
                                                    FusionMode fuse, String planSource, List<String> warnings, Map<String, Long> loopTrips)
            throws StudioException {
        return simulateCompiled(opened, source, pipeline, npu, plan, planDir, fuse, planSource, warnings, loopTrips, null);
    }

    /**
     * As above, taking the compiled graph from {@code cache} when the model, the pipeline as targeted at the
     * run's NPUs and the plan's regions are those of an earlier run (null: compile every time).
     */
    public static SimulationResult simulateCompiled(Model opened, String source, Pipeline pipeline, Device npu, Plan plan, Path planDir,
                                                    FusionMode fuse, String planSource, List<String> warnings, Map<String, Long> loopTrips,
                                                    CompiledGraphs cache) throws StudioException {
        List<String> all = new ArrayList<>(warnings);
        SimulationPlan onOpened = SimulationPlan.of(plan, npu, planDir, planSource, all);
        Map<String, String> regions = new HashMap<>();
        if (plan != null) for (Node n : opened.graph().nodes()) regions.put(n.id(), onOpened.assignment().deviceFor(n.id()));
        Pipeline targeted = TargetPipeline.of(pipeline, onOpened.devices());
        Compilation.Result c = cache == null ? Compilation.compile(opened, targeted, regions) : cache.compile(opened, targeted, regions);
        Graph compiled = c.model().graph();
        SimulationPlan onCompiled = new SimulationPlan(onOpened.devices(), AsCompiled.onCompiled(onOpened.assignment(), compiled, c.lineage()),
                AsCompiled.onCompiled(onOpened.fusion(), c.lineage()), onOpened.precisions().onCompiled(compiled, c.lineage()));
        // Host profiles time the opened graph's nodes; the compiled graph is costed by the models alone.
        SimulationResult r = run(workGraph(compiled, source, loopTrips), onCompiled, fuse, all, HostCosts.NONE);
        return AsCompiled.mapBack(r, opened.graph(), c.lineage(), onOpened.assignment());
    }

    private static SimulationResult run(WorkGraph graph, SimulationPlan run, FusionMode fuse, List<String> all, HostCosts host)
            throws StudioException {
        boolean planGroups = !run.fusion().groups().isEmpty();
        FusionMode mode = fuse != null ? fuse : planGroups ? FusionMode.PLAN : FusionMode.NONE;
        if (mode == FusionMode.PLAN && !planGroups) all.add("--fuse plan: the plan lists no fusion groups");
        SimulationResult r = new Simulator(graph, run.devices(), null, host, run.precisions()).simulate(run.assignment(), mode, run.fusion());
        all.addAll(r.warnings());
        return new SimulationResult(r.model(), r.nodes(), r.perDevice(), r.total(), r.groups(), r.schedule(), List.copyOf(all), r.devices());
    }
}
