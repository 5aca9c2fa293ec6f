package org.npustudio.npusim.optimise;

import java.util.List;
import java.util.Set;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.sweep.SweepEvaluator;
import org.npustudio.plan.DeviceKind;
import org.npustudio.plan.ModelRef;

/**
 * {@code plan: optimised} in a sweep: each point's plan is the cost optimiser's (latency) for that point's NPU
 * and a host CPU, so a sweep compares NPUs as a compiler would deploy each (docs/sweeps.md).
 */
public final class SweepPlans {
    private SweepPlans() {}

    /** The optimiser as the sweep's plan hook: devices npu0 (the point's NPU, its supported ops) and cpu. */
    public static SweepEvaluator.PlanOptimiser latency() {
        return (graph, work, npu) -> {
            var npuDecl = new org.npustudio.plan.Device("npu0", DeviceKind.NPU, "", 0, "", 0, npu.supportedOps(), Set.of(), Set.of(), Set.of());
            var cpuDecl = org.npustudio.plan.Device.of("cpu", DeviceKind.CPU, 1);
            var request = new PlanOptimiser.Request(graph, ModelRef.UNKNOWN, List.of(npuDecl, cpuDecl), "cpu", Device.of(npu), null,
                    Objective.LATENCY, null, null);
            return PlanOptimiser.optimise(request, PlanOptimiser.Listener.NONE).plan();
        };
    }
}
