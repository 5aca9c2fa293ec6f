package org.npustudio.npusim.optimise;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Graph;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.cost.NodeCost;
import org.npustudio.npusim.fusion.AutoGrouper;
import org.npustudio.npusim.fusion.FusionContext;
import org.npustudio.npusim.fusion.FusionMode;
import org.npustudio.npusim.fusion.FusionPlan;
import org.npustudio.npusim.sim.DeviceAssignment;
import org.npustudio.npusim.sim.DeviceSet;
import org.npustudio.npusim.sim.SimulationPlan;
import org.npustudio.npusim.sim.SimulationResult;
import org.npustudio.npusim.sim.SimulationService;
import org.npustudio.npusim.sim.Simulator;
import org.npustudio.host.HostProfile;
import org.npustudio.npusim.work.WorkGraph;
import org.npustudio.plan.AutoPartitioner;
import org.npustudio.plan.ModelRef;
import org.npustudio.plan.NodeRef;
import org.npustudio.plan.Partition;
import org.npustudio.plan.Plan;

/**
 * Partitioning by cost (docs/partition-format.md, "Optimised partitioning"; decision 0014). Costs every
 * runtime node on every device that may run it (NPUs through the simulator's cost models, CPUs through
 * {@link HostCosts}), finds the cheapest cover of the capability walk's topological order by device
 * segments ({@link CoverDp}), searches fusion groups by the objective ({@link FusionSearch}), then
 * simulates six candidates — the capability plan and the cover, each without fusion, with the searched
 * groups and with the simulator's DRAM auto-grouper's — as
 * {@code npustudio simulate --plan} would and keeps the best, so the result is never worse than capability
 * splitting on the objective. Each choice that differs from the capability plan is then undone once to
 * measure what it saves.
 */
public final class PlanOptimiser {
    /** Choices beyond this many are listed without a saving (each costs a simulation). */
    public static final int MAX_EXPLAINED = 200;

    /** Source of the optimiser's own errors about the devices (callers may name their file instead). */
    public static final String DEVICES_SOURCE = "devices";

    /** Progress and cancellation; the optimiser calls it from its own thread. */
    public interface Listener {
        Listener NONE = (phase, fraction) -> {};

        /** {@code fraction} in [0, 1] of the whole run. */
        void progress(String phase, double fraction);

        default boolean cancelled() { return false; }
    }

    /**
     * @param graph    the opened, shape-inferred model graph
     * @param npu      the NPU a plan device without a description stands for (as {@code simulate --npu})
     * @param planDir  folder device descriptions are relative to (the devices file's), may be null
     */
    public record Request(Graph graph, ModelRef model, List<org.npustudio.plan.Device> devices, String defaultDevice, Device npu,
                          Path planDir, Objective objective, HostCosts host, Map<String, Long> loopTrips, HostProfile hostProfile) {
        public Request {
            devices = List.copyOf(devices);
            host = host == null ? HostCosts.SIMULATOR : host;
            loopTrips = loopTrips == null ? Map.of() : Map.copyOf(loopTrips);
        }

        /** Without a measured host profile: CPU nodes costed by the CPU's roofline. */
        public Request(Graph graph, ModelRef model, List<org.npustudio.plan.Device> devices, String defaultDevice, Device npu,
                       Path planDir, Objective objective, HostCosts host, Map<String, Long> loopTrips) {
            this(graph, model, devices, defaultDevice, npu, planDir, objective, host, loopTrips, null);
        }

        /** The same request with measured CPU times (npustudio measure); the caller reports a model or machine mismatch. */
        public Request withHostProfile(HostProfile p) {
            return new Request(graph, model, devices, defaultDevice, npu, planDir, objective, host, loopTrips, p);
        }
    }

    private final Request r;
    private final Listener listener;
    private final WorkGraph work;
    private final Simulator sim;
    private final Device[] hardware;
    private final String npuName;
    private int evaluations;

    private PlanOptimiser(Request r, Listener listener) throws StudioException {
        this.r = r;
        this.listener = listener == null ? Listener.NONE : listener;
        List<String> warnings = new ArrayList<>();
        Plan empty = Plan.empty(r.model(), r.devices(), r.defaultDevice());
        DeviceSet set = SimulationPlan.of(empty, r.npu(), r.planDir(), "devices file", warnings).devices();
        requireEvaluable(r.objective(), set);
        this.work = SimulationService.workGraph(r.graph(), r.graph().name(), r.loopTrips());
        // A host profile times CPU nodes in the cover's costs and in the final simulations alike.
        this.sim = new Simulator(work, set, null, org.npustudio.npusim.cost.HostCosts.bind(r.hostProfile(), "host profile", work, r.model(), warnings));
        this.npuName = r.npu().name();
        hardware = new Device[r.devices().size()];
        for (int d = 0; d < hardware.length; d++) hardware[d] = set.get(r.devices().get(d).name());
    }

    /** The best plan found for the request; throws {@link CancellationException} when the listener cancels. */
    public static Optimised optimise(Request r, Listener listener) throws StudioException {
        return new PlanOptimiser(r, listener).run();
    }

    /** One clear refusal when the devices cannot evaluate the objective. */
    static void requireEvaluable(Objective o, DeviceSet set) throws StudioException {
        if (o != Objective.ENERGY) return;
        for (Device d : set.all()) {
            // NPUs carry an energy table (their file's or the documented defaults); a CPU needs its power.
            boolean priced = d.isNpu() ? d.npu().energy() != null : d.cpu() != null && d.cpu().powerWatts() > 0;
            if (!priced) {
                throw new StudioException(DEVICES_SOURCE, "--objective energy", "device '" + d.name()
                        + "' has no energy figures; use --objective latency or dram");
            }
        }
    }

    private Optimised run() throws StudioException {
        phase("costing nodes", 0);
        CoverProblem problem = new CoverProblem(r.graph(), work, sim, r.host(), r.objective(), r.devices(), hardware, r.defaultDevice());
        phase("covering", 0.2);
        CoverDp.Result cover = CoverDp.solve(problem, (k, m) -> phase("covering", 0.2 + 0.4 * k / m));
        Plan capability = AutoPartitioner.partition(r.graph(), r.model(), r.devices(), r.defaultDevice(), AutoPartitioner.Options.DEFAULT);
        Plan covered = AutoPartitioner.fromRuns(r.graph(), r.model(), r.devices(), r.defaultDevice(), problem.order, graphDevices(problem, cover.device()), "p");
        phase("searching fusion", 0.6);
        Map<String, Plan> candidates = new LinkedHashMap<>();
        candidates.put("capability", capability);
        candidates.put("capability + fusion", withFusion(capability, problem, false));
        candidates.put("capability + auto-grouper", withFusion(capability, problem, true));
        candidates.put("cover", covered);
        candidates.put("cover + fusion", withFusion(covered, problem, false));
        candidates.put("cover + auto-grouper", withFusion(covered, problem, true));
        phase("simulating candidates", 0.7);
        String best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        double capabilityCost = Double.NaN;
        for (var e : candidates.entrySet()) {
            double c = evaluate(assignment(e.getValue()), SimulationPlan.fusion(e.getValue()));
            if (e.getKey().equals("capability")) capabilityCost = c;
            if (c < bestCost) {
                bestCost = c;
                best = e.getKey();
            }
        }
        Plan chosen = candidates.get(best);
        phase("explaining", 0.8);
        List<Choice> choices = explain(chosen, capability, problem, bestCost);
        phase("done", 1);
        return new Optimised(r.objective(), chosen, capability, bestCost, capabilityCost, best, choices, cover.exact(), evaluations);
    }

    private static int[] graphDevices(CoverProblem p, int[] byPosition) {
        int[] dev = new int[p.graph.index().size()];
        java.util.Arrays.fill(dev, -1);
        for (int k = 0; k < byPosition.length; k++) dev[p.order[k]] = byPosition[k];
        return dev;
    }

    /**
     * The plan with fusion groups on its assignment: searched by the objective along the cover's order, or
     * (to be never worse than {@code simulate --fuse auto} either) the simulator's DRAM auto-grouper's
     * groups, each kept when all its members share a partition.
     */
    private Plan withFusion(Plan plan, CoverProblem p, boolean autoGrouper) throws StudioException {
        DeviceAssignment a = assignment(plan);
        Device[] deviceOf = new Device[work.size()];
        NodeCost[] costs = new NodeCost[work.size()];
        for (int w = 0; w < work.size(); w++) {
            Device d = sim.devices().get(a.deviceFor(work.node(w).id()));
            if (Simulator.refusal(work.node(w), d) != null) d = sim.devices().fallbackCpu();
            deviceOf[w] = d;
            costs[w] = d.isNpu() ? sim.nodeCost(w, d) : r.host().cost(sim, w, d);
        }
        List<int[]> groups = autoGrouper ? AutoGrouper.groups(new FusionContext(work, deviceOf, costs))
                : FusionSearch.groups(work, p.workIndex, deviceOf, costs, r.objective());
        if (groups.isEmpty()) return plan;
        Map<String, Integer> partOf = new HashMap<>();
        for (int k = 0; k < plan.partitions().size(); k++) for (NodeRef n : plan.partitions().get(k).nodes()) partOf.put(n.id(), k);
        List<List<List<String>>> perPart = new ArrayList<>();
        for (int k = 0; k < plan.partitions().size(); k++) perPart.add(new ArrayList<>());
        for (int[] g : groups) {
            List<String> ids = new ArrayList<>();
            for (int w : g) ids.add(work.node(w).id());
            Integer k = partOf.get(ids.get(0));
            if (k != null && ids.stream().allMatch(id -> k.equals(partOf.get(id)))) perPart.get(k).add(ids);
        }
        List<Partition> parts = new ArrayList<>();
        for (int k = 0; k < plan.partitions().size(); k++) {
            Partition part = plan.partitions().get(k);
            parts.add(perPart.get(k).isEmpty() ? part : part.withFusionGroups(perPart.get(k)));
        }
        return plan.withPartitions(parts);
    }

    private DeviceAssignment assignment(Plan plan) { return SimulationPlan.assignment(plan, npuName); }

    /** The objective as {@code simulate --plan} reports it: the makespan, the DRAM bytes or the energy. */
    private double evaluate(DeviceAssignment a, FusionPlan fusion) throws StudioException {
        if (listener.cancelled()) throw new CancellationException("optimisation cancelled");
        evaluations++;
        SimulationResult res = sim.simulate(a, fusion.groups().isEmpty() ? FusionMode.NONE : FusionMode.PLAN, fusion);
        return r.objective().of(res.total());
    }

    /** The chosen plan's differences from the capability plan, each undone once to measure what it saves. */
    private List<Choice> explain(Plan chosen, Plan capability, CoverProblem p, double chosenCost) throws StudioException {
        DeviceAssignment mine = assignment(chosen);
        DeviceAssignment theirs = assignment(capability);
        Map<String, String> partitionOf = chosen.partitionByNode();
        Map<String, String> opOf = new HashMap<>();
        for (var n : r.graph().index().nodes()) opOf.put(n.id(), n.opType());
        List<Choice> out = new ArrayList<>();
        List<String> run = new ArrayList<>();
        for (int k = 0; k <= p.positions(); k++) {
            String id = k < p.positions() ? p.graph.index().node(p.order[k]).id() : null;
            boolean differs = id != null && !mine.deviceFor(id).equals(theirs.deviceFor(id));
            boolean continues = differs && !run.isEmpty() && mine.deviceFor(id).equals(mine.deviceFor(run.get(0)))
                    && theirs.deviceFor(id).equals(theirs.deviceFor(run.get(0)));
            if (!continues && !run.isEmpty()) {
                out.add(new Choice(Choice.Kind.DEVICE, partitionOf.get(run.get(0)), run, ops(run, opOf), theirs.deviceFor(run.get(0)),
                        mine.deviceFor(run.get(0)), Double.NaN));
                run = new ArrayList<>();
            }
            if (differs) run.add(id);
        }
        for (Partition part : chosen.partitions()) {
            for (List<String> g : part.fusionGroups()) {
                out.add(new Choice(Choice.Kind.FUSION, part.name(), g, ops(g, opOf), part.device(), part.device(), Double.NaN));
            }
        }
        FusionPlan fusion = SimulationPlan.fusion(chosen);
        List<Choice> measured = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            Choice c = out.get(i);
            if (i >= MAX_EXPLAINED) {
                measured.add(c);
                continue;
            }
            phase("explaining", 0.8 + 0.2 * i / out.size());
            double undone = c.kind() == Choice.Kind.DEVICE ? undoMove(mine, fusion, c) : evaluate(mine, without(fusion, c.nodes()));
            measured.add(new Choice(c.kind(), c.partition(), c.nodes(), c.ops(), c.from(), c.to(), undone - chosenCost));
        }
        return measured;
    }

    private double undoMove(DeviceAssignment mine, FusionPlan fusion, Choice c) throws StudioException {
        DeviceAssignment a = mine;
        for (String id : c.nodes()) a = a.with(id, c.from());
        return evaluate(a, without(fusion, c.nodes()));
    }

    /** The fusion plan without groups that touch these nodes. */
    private static FusionPlan without(FusionPlan fusion, List<String> nodes) {
        Set<String> s = new HashSet<>(nodes);
        return new FusionPlan(fusion.groups().stream().filter(g -> g.stream().noneMatch(s::contains)).toList());
    }

    private static List<String> ops(List<String> ids, Map<String, String> opOf) {
        return ids.stream().map(id -> opOf.getOrDefault(id, "?")).toList();
    }

    private void phase(String phase, double fraction) {
        if (listener.cancelled()) throw new CancellationException("optimisation cancelled");
        listener.progress(phase, fraction);
    }
}
