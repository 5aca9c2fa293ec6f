package org.npustudio.app.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.npustudio.ir.Model;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.config.DeviceConfigReader;
import org.npustudio.npusim.optimise.Objective;
import org.npustudio.npusim.optimise.Optimised;
import org.npustudio.npusim.optimise.PlanOptimiser;
import org.npustudio.plan.AutoPartitioner;
import org.npustudio.plan.DeviceKind;
import org.npustudio.plan.ModelRef;
import org.npustudio.samples.NpuPresets;
import org.npustudio.samples.SyntheticModels;
import org.npustudio.yaml.SafeYaml;

/**
 * {@code npustudio bench optimise}: the plan optimiser (latency objective) against capability splitting on
 * synthetic residual chains of 1,000 and 10,000 nodes on the edge NPU preset, which lacks Identity, so
 * every block fragments. Targets: 2 s and 20 s.
 */
public final class OptimiseBenchmark {
    private OptimiseBenchmark() {}

    public static void run(PrintStream out) throws Exception {
        Device npu = new DeviceConfigReader().read(SafeYaml.parse(NpuPresets.yaml("edge-npu-8tops"), "edge-npu-8tops.yaml"));
        List<org.npustudio.plan.Device> devices = List.of(
                new org.npustudio.plan.Device("npu0", DeviceKind.NPU, "", 0, "", 0, npu.npu().supportedOps(), Set.of(), Set.of(), Set.of()),
                org.npustudio.plan.Device.of("cpu", DeviceKind.CPU, 0));
        out.printf("%-8s %12s %14s %8s %14s %14s %8s  %s%n", "nodes", "capability", "optimiser", "ratio", "latency cap.", "latency opt.",
                "saved", "target");
        for (int[] size : new int[][] {{200, 2000}, {2000, 20000}}) {
            Model m = SyntheticModels.residualChain(size[0]);
            var request = new PlanOptimiser.Request(m.graph(), ModelRef.UNKNOWN, devices, "cpu", npu, null, Objective.LATENCY, null, null);
            int runs = size[0] > 1000 ? 3 : 5;
            double cap = Measure.median(1, runs, () -> AutoPartitioner.partition(m.graph(), ModelRef.UNKNOWN, devices, "cpu",
                    AutoPartitioner.Options.DEFAULT));
            Optimised[] last = new Optimised[1];
            double opt = Measure.median(1, runs, () -> last[0] = PlanOptimiser.optimise(request, PlanOptimiser.Listener.NONE));
            Optimised o = last[0];
            out.printf("%-8d %9.1f ms %11.1f ms %7.0fx %14s %14s %7.1f%%  %s%n", m.graph().nodes().size(), cap, opt, opt / cap,
                    o.objective().format(o.capabilityCost()), o.objective().format(o.cost()), o.savingFraction() * 100,
                    opt <= size[1] ? "within " + size[1] / 1000 + " s" : "OVER " + size[1] / 1000 + " s");
        }
        out.println("median of warm runs; the optimiser's time includes costing, the cover, fusion search, 6 candidate"
                + " simulations and up to " + PlanOptimiser.MAX_EXPLAINED + " explaining ones");
    }
}
