package org.npustudio.npusim.calibrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.npustudio.host.HostProfile;
import org.npustudio.npusim.config.CpuConfig;
import org.npustudio.npusim.cost.CpuCostModel;
import org.npustudio.npusim.cost.NodeCost;
import org.npustudio.npusim.cost.Timing;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.work.BodyWork;
import org.npustudio.npusim.work.FreeWork;
import org.npustudio.npusim.work.UnknownWork;
import org.npustudio.npusim.work.WorkGraph;
import org.npustudio.npusim.work.WorkNode;
import org.npustudio.plan.Precision;

/**
 * One measured node as the roofline sees it: its FLOPs and DRAM bytes (what {@link CpuCostModel} counts, fp32)
 * and the measured median. Only nodes the roofline can price by itself are samples: free shape ops (priced 0),
 * control-flow bodies and nodes not costed are left out and counted.
 */
public record HostSample(String model, String nodeId, String op, double flops, double bytes, double measuredSeconds) {

    /** The samples of one model and its profile, plus how many measured nodes were left out and why. */
    public record Set(List<HostSample> samples, int free, int other) {}

    public static Set of(WorkGraph g, HostProfile p, String modelName) {
        Map<String, HostProfile.NodeTime> byId = p.byId();
        // efficiency 1 everywhere: the model's compute time is then FLOPs / peak
        CpuConfig unit = new CpuConfig("unit", 1, 1, Map.of("default", 1.0));
        List<HostSample> out = new ArrayList<>();
        int free = 0, other = 0;
        for (WorkNode n : g.nodes()) {
            HostProfile.NodeTime t = byId.get(n.id());
            if (t == null || !t.op().equals(n.opType())) continue;
            if (n.work() instanceof FreeWork) {
                free++;
                continue;
            }
            if (n.work() instanceof BodyWork || n.work() instanceof UnknownWork) {
                other++;
                continue;
            }
            NodeCost c = CpuCostModel.cost(n.work(), unit, Precision.FP32);
            out.add(new HostSample(modelName, n.id(), n.opType(), c.computeSeconds(), c.totalReadBytes() + c.totalWriteBytes(),
                    t.medianMicros() * 1e-6));
        }
        return new Set(out, free, other);
    }

    /** What {@code cpu} predicts for this node (the CPU's {@code Timing}: overhead + max(compute, memory)). */
    public double predictedSeconds(CpuConfig cpu) {
        double compute = flops / (cpu.peakFlopsPerSecond() * cpu.efficiencyOf(op));
        NodeCost c = new NodeCost(cpu.name(), 0, compute, 0, new double[0], new double[0], 1, 0, 0, null, null);
        return Timing.of(c, Device.of(cpu), bytes, 0).latencySeconds();
    }
}
