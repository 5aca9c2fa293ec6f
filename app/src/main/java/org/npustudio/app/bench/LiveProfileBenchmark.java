package org.npustudio.app.bench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.npustudio.app.ui.profile.NpuPresetList;
import org.npustudio.ir.Model;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.sim.CompiledGraphs;
import org.npustudio.npusim.sim.SimulationService;
import org.npustudio.passes.Pipeline;
import org.npustudio.npusim.config.NpuConfig;
import org.npustudio.npusim.sim.SimulationResult;
import org.npustudio.profiler.data.Metric;
import org.npustudio.profiler.data.Profile;
import org.npustudio.profiler.data.ProfileOverlay;
import org.npustudio.samples.SampleLibrary;
import org.npustudio.shape.ShapeInference;

/**
 * What a live refresh costs off the FX thread for every sample: simulate after an NPU edit, build the
 * per-node profile, build the overlay. The IDE adds the FX-thread updates and the repaint (the TestFX
 * test prints the end-to-end figure). Each sample three ways: as written; as compiled recompiling every
 * run (what {@code simulateCompiled} did before the cache); as compiled through the profiling session's
 * {@link CompiledGraphs} (the first, compiling run is a warm-up). Medians of warm runs; a benchmark, not a test.
 */
public final class LiveProfileBenchmark {
    private static final int WARMUP = 5;
    private static final int RUNS = 15;

    private LiveProfileBenchmark() {}

    public static void run(PrintStream out) throws Exception {
        NpuConfig base = NpuPresetList.bundled().get(0).npu();
        out.printf("live profile refresh (off the FX thread) on %s, array edited each run; medians of %d runs after %d warm-up%n",
                base.name(), RUNS, WARMUP);
        out.printf("%-22s %-22s %7s %12s %12s %12s %12s%n", "sample", "costing", "nodes", "simulate ms", "profile ms", "overlay ms", "total ms");
        java.util.Map<String, Model> models = new java.util.LinkedHashMap<>();
        for (String name : SampleLibrary.names()) {
            Model m = SampleLibrary.build(name);
            ShapeInference.infer(m);
            models.put(name, m);
        }
        // One untimed round first: the first sample's rows would otherwise include the JIT's warm-up.
        PrintStream discard = new PrintStream(java.io.OutputStream.nullOutputStream());
        for (var e : models.entrySet()) {
            run(discard, e.getKey(), e.getValue(), base, Costing.WRITTEN);
            run(discard, e.getKey(), e.getValue(), base, Costing.CACHED);
        }
        for (var e : models.entrySet()) for (Costing costing : Costing.values()) run(out, e.getKey(), e.getValue(), base, costing);
    }

    /** How the graph is costed: as written, as compiled without a cache, as compiled with one. */
    private enum Costing {
        WRITTEN("as written"), COMPILED("as compiled, no cache"), CACHED("as compiled, cached");

        final String label;

        Costing(String label) { this.label = label; }
    }

    private static void run(PrintStream out, String name, Model m, NpuConfig base, Costing costing) throws Exception {
        CompiledGraphs cache = costing == Costing.CACHED ? new CompiledGraphs() : null;
        double[] sim = new double[RUNS];
        double[] prof = new double[RUNS];
        double[] over = new double[RUNS];
        for (int i = -WARMUP; i < RUNS; i++) {
            int side = 16 + 16 * ((i + WARMUP) % 8); // a different array every run, as a user dragging a spinner
            NpuConfig c = withArray(base, side);
            long t0 = System.nanoTime();
            SimulationResult r = costing == Costing.WRITTEN
                    ? SimulationService.simulate(m.graph(), c, null, null, SimulationService.Options.DEFAULT)
                    : SimulationService.simulateCompiled(m, name, Pipeline.defaultPipeline(), Device.of(c), null, null, null, "plan",
                            List.of(), Map.of(), cache);
            long t1 = System.nanoTime();
            Profile p = Profile.of(r, m);
            long t2 = System.nanoTime();
            ProfileOverlay.of(p, Metric.LATENCY, ProfileOverlay.Colouring.LINEAR);
            long t3 = System.nanoTime();
            if (i >= 0) {
                sim[i] = (t1 - t0) / 1e6;
                prof[i] = (t2 - t1) / 1e6;
                over[i] = (t3 - t2) / 1e6;
            }
        }
        double s = median(sim);
        double p = median(prof);
        double o = median(over);
        out.printf("%-22s %-22s %7d %12.2f %12.2f %12.2f %12.2f%n", name, costing.label, m.graph().nodes().size(), s, p, o, s + p + o);
    }

    private static NpuConfig withArray(NpuConfig c, int side) {
        return c.edited(c.name(), c.clockMhz(), side, side, c.dataflow(), c.sram(), c.dramBytesPerSecond(), c.defaultPrecision());
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
