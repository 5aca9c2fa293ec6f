package org.npustudio.npusim.precision;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.npustudio.error.StudioException;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.config.NpuConfig;
import org.npustudio.npusim.fusion.FusionMode;
import org.npustudio.npusim.fusion.FusionPlan;
import org.npustudio.npusim.optimise.Objective;
import org.npustudio.npusim.sim.DeviceAssignment;
import org.npustudio.npusim.sim.DeviceSet;
import org.npustudio.npusim.sim.NodeResult;
import org.npustudio.npusim.sim.SimulationResult;
import org.npustudio.npusim.sim.Simulator;
import org.npustudio.npusim.work.WorkGraph;
import org.npustudio.npusim.work.WorkNode;
import org.npustudio.passes.quant.sensitivity.PrecisionCostModel;
import org.npustudio.plan.Precision;

/**
 * The cost of a mixed-precision assignment estimated from one uniform-precision simulation per candidate: each
 * node costs what it cost in the run at its precision, and the model costs the sum over its nodes. Cheap (no
 * simulation per assignment), so it ranks the greedy moves of models too large for the exact
 * {@link SimulatedPrecisionCosts} there ({@link AutoPrecision#EXACT_GREEDY_MOVES}); never the reported cost.
 * A layer takes its assigned precision; any other node (an activation, a pool, an add) takes the precision of the layer whose output
 * it reads first, because it moves the tensors that layer wrote; nodes ahead of every layer take
 * {@link #base()}. What it leaves out: conversion between precisions at the boundaries, fusion across them,
 * and overlap in the schedule (one NPU runs the nodes one after another, so the sum is the makespan there).
 * An NPU that does not list a candidate is simulated as if it did, with a warning.
 */
public final class UniformPrecisionCosts implements PrecisionCostModel {
    private final Objective objective;
    private final Precision base;
    private final List<String> nodes = new ArrayList<>();
    private final Map<Precision, double[]> perNode = new EnumMap<>(Precision.class);
    private final int[] firstProducer;
    private final List<String> warnings = new ArrayList<>();

    public UniformPrecisionCosts(WorkGraph graph, NpuConfig npu, List<Precision> precisions, Precision base, Objective objective)
            throws StudioException {
        this.objective = objective;
        this.base = base;
        for (WorkNode n : graph.nodes()) nodes.add(n.id());
        firstProducer = new int[nodes.size()];
        List<Precision> all = new ArrayList<>(precisions);
        if (!all.contains(base)) all.add(base);
        for (Precision p : all) {
            NpuConfig hw = npu;
            if (!npu.supports(p)) {
                List<Precision> ps = new ArrayList<>(npu.precisions());
                ps.add(p);
                hw = new NpuConfig(npu.name(), npu.clockMhz(), npu.rows(), npu.cols(), npu.dataflow(), npu.vectorLanes(), npu.vectorOpCycles(),
                        npu.sram(), npu.dramBytesPerSecond(), npu.dramLatencySeconds(), ps, npu.defaultPrecision(), npu.supportedOps(),
                        npu.hostLinkBytesPerSecond(), npu.hostLinkLatencySeconds(), npu.energy(), npu.area());
                warnings.add("NPU '" + npu.name() + "' does not list precision " + p.key() + "; costed as if it did");
            }
            SimulationResult r = new Simulator(graph, DeviceSet.of(Device.of(hw)), p).simulate(DeviceAssignment.allOn(hw.name()), FusionMode.NONE, FusionPlan.NONE);
            double[] c = new double[nodes.size()];
            for (int i = 0; i < c.length; i++) {
                NodeResult n = r.node(nodes.get(i));
                c[i] = n == null || !n.costed() ? 0 : switch (objective) {
                    case LATENCY -> n.latencySeconds();
                    case DRAM -> n.dramBytes();
                    case ENERGY -> n.energyPj();
                };
            }
            perNode.put(p, c);
        }
        inheritLayers(graph);
    }

    /** Each node's first input's producer (index, -1 for none): a non-layer node takes that node's precision. */
    private void inheritLayers(WorkGraph graph) {
        for (int i = 0; i < graph.size(); i++) {
            firstProducer[i] = -1;
            for (String in : graph.node(i).inputs()) {
                int p = graph.producerOf(in);
                if (p >= 0) {
                    firstProducer[i] = p;
                    break;
                }
            }
        }
    }

    public List<String> warnings() { return List.copyOf(warnings); }

    @Override
    public double cost(Map<String, Precision> perLayer) {
        Precision[] at = new Precision[nodes.size()];
        double total = 0;
        for (int i = 0; i < at.length; i++) { // topological order: a producer is decided before its readers
            Precision p = perLayer.get(nodes.get(i));
            at[i] = p != null ? p : firstProducer[i] >= 0 ? at[firstProducer[i]] : base;
            double[] c = perNode.get(at[i]);
            total += c == null ? perNode.get(base)[i] : c[i];
        }
        return total;
    }

    @Override
    public Precision base() { return base; }

    @Override
    public String format(double cost) { return objective.format(cost); }

    @Override
    public String quantity() { return quantity(objective); }

    /** What an objective's cost is called in tables and messages. */
    static String quantity(Objective objective) {
        return switch (objective) {
            case LATENCY -> "simulated latency";
            case DRAM -> "simulated DRAM traffic";
            case ENERGY -> "simulated energy";
        };
    }
}
