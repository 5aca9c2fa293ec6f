package org.npustudio.npusim.optimise;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.npustudio.error.StudioException;
import org.npustudio.ir.GraphIndex;
import org.npustudio.ir.Model;
import org.npustudio.npusim.sim.DeviceSet;
import org.npustudio.npusim.sim.SimulationPlan;
import org.npustudio.npusim.sim.SimulationResult;
import org.npustudio.npusim.sim.SimulationService;
import org.npustudio.npusim.sim.TargetPipeline;
import org.npustudio.passes.Compilation;
import org.npustudio.passes.Lineage;
import org.npustudio.passes.Pipeline;
import org.npustudio.plan.AutoPartitioner;
import org.npustudio.plan.NodeRef;
import org.npustudio.plan.Partition;
import org.npustudio.plan.Plan;
import org.npustudio.plan.WeightNodes;

/**
 * {@code partition auto --strategy cost --pipeline P}: the plan optimiser run on what the compiler emits, the
 * plan told on the opened graph's nodes (plans, the validator and the exporter name those). The optimiser covers
 * the compiled graph (a folded BatchNormalization costs nothing, a fused ReLU rides with its Conv); each opened
 * node then goes where its work went ({@link Lineage}: an absorbed node with its absorber, a removed node with its
 * producer), and the partitions are rebuilt as runs of one device along a topological order of the opened graph,
 * so they are convex. Fusion groups carry over through the same lineage. The result and the capability plan are
 * both simulated as compiled, and the cheaper is kept: never worse than capability splitting, as compiled.
 */
public final class AsCompiledOptimiser {
    private AsCompiledOptimiser() {}

    /** The optimised plan on the opened nodes, the capability plan, their objective values as compiled, and the compiled cover's table. */
    public record Result(Plan plan, Plan capabilityPlan, double cost, double capabilityCost, String table, boolean exactCover) {}

    /** {@code r} describes the opened model ({@code opened}); {@code pipeline} is what the compiler runs. */
    public static Result optimise(Model opened, PlanOptimiser.Request r, Pipeline pipeline, PlanOptimiser.Listener listener) throws StudioException {
        List<String> warnings = new ArrayList<>();
        Plan empty = Plan.empty(r.model(), r.devices(), r.defaultDevice());
        DeviceSet set = SimulationPlan.of(empty, r.npu(), r.planDir(), "devices file", warnings).devices();
        Compilation.Result c = Compilation.compile(opened, TargetPipeline.of(pipeline, set), Map.of());
        // Measured host times name the opened graph's nodes: the compiled cover is costed by the models.
        PlanOptimiser.Request onCompiled = new PlanOptimiser.Request(c.model().graph(), r.model(), r.devices(), r.defaultDevice(), r.npu(),
                r.planDir(), r.objective(), null, r.loopTrips());
        Optimised cover = PlanOptimiser.optimise(onCompiled, listener);
        Plan mapped = onOpened(opened, cover.plan(), c.lineage(), r);
        Plan capability = AutoPartitioner.partition(opened.graph(), r.model(), r.devices(), r.defaultDevice(), AutoPartitioner.Options.DEFAULT);
        double mine = objective(opened, mapped, pipeline, r);
        double theirs = objective(opened, capability, pipeline, r);
        // On a tie the capability plan stands: with costs unknown (unbound shapes) a different plan is no better, only different.
        boolean keep = mine < theirs;
        return new Result(keep ? mapped : capability, capability, keep ? mine : theirs, theirs,
                "as compiled (" + pipeline.name() + "), the cover of the compiled graph:\n" + cover.table(), cover.exactCover());
    }

    /** The compiled plan's devices and fusion groups on the opened graph's nodes. */
    static Plan onOpened(Model opened, Plan compiledPlan, Lineage lineage, PlanOptimiser.Request r) {
        Map<String, String> deviceOfCompiled = new HashMap<>();
        for (Partition p : compiledPlan.partitions()) for (NodeRef n : p.nodes()) deviceOfCompiled.put(n.id(), p.device());
        GraphIndex idx = opened.graph().index();
        WeightNodes weights = WeightNodes.of(opened.graph());
        List<String> names = r.devices().stream().map(org.npustudio.plan.Device::name).toList();
        int deflt = names.indexOf(r.defaultDevice());
        int[] dev = new int[idx.size()];
        for (int i : idx.topologicalOrder()) {
            if (weights.isWeight(i)) {
                dev[i] = -1;
                continue;
            }
            Lineage.Fate f = lineage.fate(idx.node(i).id());
            String where = f == null || f.node() == null ? null : deviceOfCompiled.getOrDefault(f.node(), compiledPlan.rest().device());
            if (where != null) {
                dev[i] = names.indexOf(where);
            } else {
                // removed by a pass (an Identity, a Dropout): it goes with its producer, so no run is split for it
                dev[i] = deflt;
                for (int p : idx.predecessors(i)) {
                    if (dev[p] >= 0) {
                        dev[i] = dev[p];
                        break;
                    }
                }
            }
            if (dev[i] < 0) dev[i] = deflt;
        }
        int[] order = AutoPartitioner.walkOrder(idx, dev, names.size());
        Plan plan = AutoPartitioner.fromRuns(opened.graph(), r.model(), r.devices(), r.defaultDevice(), order, dev, "p");
        return withGroups(plan, compiledPlan, lineage);
    }

    /** Each compiled fusion group as the opened nodes whose work it holds, kept when they share one partition. */
    private static Plan withGroups(Plan plan, Plan compiledPlan, Lineage lineage) {
        Map<String, Integer> partOf = new HashMap<>();
        for (int k = 0; k < plan.partitions().size(); k++) for (NodeRef n : plan.partitions().get(k).nodes()) partOf.put(n.id(), k);
        List<List<List<String>>> groups = new ArrayList<>();
        for (int k = 0; k < plan.partitions().size(); k++) groups.add(new ArrayList<>());
        for (Partition p : compiledPlan.partitions()) {
            for (List<String> g : p.fusionGroups()) {
                Set<String> members = new LinkedHashSet<>();
                for (String id : g) members.addAll(lineage.originalsOf(id).isEmpty() ? List.of(id) : lineage.originalsOf(id));
                Integer k = partOf.get(members.iterator().next());
                if (k != null && members.stream().allMatch(id -> k.equals(partOf.get(id)))) groups.get(k).add(List.copyOf(members));
            }
        }
        List<Partition> parts = new ArrayList<>();
        for (int k = 0; k < plan.partitions().size(); k++) {
            Partition p = plan.partitions().get(k);
            parts.add(groups.get(k).isEmpty() ? p : p.withFusionGroups(groups.get(k)));
        }
        return plan.withPartitions(parts);
    }

    private static double objective(Model opened, Plan plan, Pipeline pipeline, PlanOptimiser.Request r) throws StudioException {
        SimulationResult res = SimulationService.simulateCompiled(opened, opened.displayName(), pipeline, r.npu(), plan, r.planDir(), null, "plan",
                List.of(), r.loopTrips());
        return r.objective().of(res.total());
    }
}
