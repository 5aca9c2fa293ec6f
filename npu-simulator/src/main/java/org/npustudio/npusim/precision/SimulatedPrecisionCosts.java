package org.npustudio.npusim.precision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.config.NpuConfig;
import org.npustudio.npusim.optimise.Objective;
import org.npustudio.npusim.sim.SimulationResult;
import org.npustudio.npusim.sim.SimulationService;
import org.npustudio.npusim.sim.Simulator;
import org.npustudio.npusim.work.WorkGraph;
import org.npustudio.passes.quant.sensitivity.PrecisionCostModel;
import org.npustudio.passes.quant.sensitivity.PrecisionPlans;
import org.npustudio.plan.ModelRef;
import org.npustudio.plan.Plan;
import org.npustudio.plan.Precision;

/**
 * The exact cost of a precision assignment: the plan {@link PrecisionPlans} writes for it, simulated with each
 * node at its own precision through {@link SimulationService} (the path of {@code npustudio simulate --plan}),
 * so the figure the automatic choice reports is what {@code simulate --plan CHOSEN.yaml} prints: the schedule
 * makespan, DRAM bytes or energy of the whole run, fusion and CPU fallbacks as simulate has them. Results are
 * kept by effective assignment, so a search that comes back to one does not simulate it again.
 */
public final class SimulatedPrecisionCosts implements PrecisionCostModel {
    private final Graph graph;
    private final WorkGraph work;
    private final Device npu;
    private final Precision base;
    private final Objective objective;
    private final ModelRef model;
    private final Map<Map<String, Precision>, Double> cache = new HashMap<>();
    private int simulations;

    /** {@code opened}: the graph as {@code simulate} opens the model file (read, validated, shapes inferred). */
    public SimulatedPrecisionCosts(Graph opened, ModelRef model, NpuConfig npu, Precision base, Objective objective) throws StudioException {
        this.graph = opened;
        this.work = SimulationService.workGraph(opened, opened.name(), Map.of());
        this.npu = Device.of(npu);
        this.base = base;
        this.objective = objective;
        this.model = model;
    }

    /** The plan of an assignment, as the search's choice is written: NPU nodes at their precisions, the rest on the CPU. */
    public Plan plan(Map<String, Precision> perLayer) {
        return PrecisionPlans.plan(graph, perLayer, base, model, npu.name(), this::onNpu);
    }

    /** The NPU runs the node (nodes the simulator does not model, e.g. folded constants, stay with the NPU). */
    private boolean onNpu(Node n) {
        int i = work.indexOf(n.id());
        return i < 0 || Simulator.refusal(work.node(i), npu) == null;
    }

    /** The full simulation of an assignment's plan; {@code warnings} gets its warnings. */
    public SimulationResult simulate(Map<String, Precision> perLayer, List<String> warnings) {
        simulations++;
        try {
            SimulationResult r = SimulationService.simulate(work, npu, plan(perLayer), null, null, "plan", new ArrayList<>());
            warnings.addAll(r.warnings());
            return r;
        } catch (StudioException e) {
            // The plan is built from the graph it is simulated on; a failure here is a bug, not bad input.
            throw new IllegalStateException("simulating a precision assignment: " + e.getMessage(), e);
        }
    }

    /** How many simulations ran (cache hits not counted). */
    public int simulations() { return simulations; }

    @Override
    public double cost(Map<String, Precision> perLayer) {
        Map<String, Precision> key = PrecisionPlans.effective(graph, perLayer, base);
        Double hit = cache.get(key);
        if (hit != null) return hit;
        double c = objective.of(simulate(perLayer, new ArrayList<>()).total());
        cache.put(key, c);
        return c;
    }

    @Override
    public Precision base() { return base; }

    @Override
    public String format(double cost) { return objective.format(cost); }

    @Override
    public String quantity() { return UniformPrecisionCosts.quantity(objective); }
}
