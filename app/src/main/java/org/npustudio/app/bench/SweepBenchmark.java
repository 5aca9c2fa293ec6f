package org.npustudio.app.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.npustudio.npusim.sweep.SweepEvaluator;
import org.npustudio.npusim.sweep.SweepPoint;
import org.npustudio.npusim.sweep.SweepPoints;
import org.npustudio.npusim.sweep.SweepRunner;
import org.npustudio.npusim.sweep.SweepSpec;
import org.npustudio.npusim.sweep.SweepSpecReader;
import org.npustudio.samples.NpuPresets;

/**
 * Design points per minute of a real sweep (the runner with its results log, into a temporary folder) on
 * a model: random points over array, dataflow, buffers and DRAM bandwidth on the edge NPU preset. The
 * model is opened and mapped before the clock starts (once per sweep, not per point). A benchmark, not a test.
 */
public final class SweepBenchmark {
    private SweepBenchmark() {}

    public static void run(Path model, String sample, String npuPreset, int points, int threads, PrintStream out) throws Exception {
        Path dir = Files.createTempDirectory("npustudio-bench-sweep");
        try {
            Path sweep = dir.resolve("bench.yaml");
            Path npu = Files.writeString(dir.resolve("npu.yaml"), NpuPresets.yaml(npuPreset));
            String modelEntry = sample != null ? "sample: " + sample : "file: '" + model.toAbsolutePath() + "'";
            Files.writeString(sweep, """
                    npu: '%s'
                    parameters:
                      array: {log2: [8, 256]}
                      dataflow: [ws, os, is]
                      sram_kb: {log2: [768, 24576]}
                      dram_gbps: {range: [6.4, 51.2], step: 3.2}
                    sampling: {random: {count: %d, seed: 1}}
                    models:
                      - %s
                    """.formatted(npu.toAbsolutePath(), points, modelEntry));
            SweepSpec spec = SweepSpecReader.read(sweep);
            SweepEvaluator ev = new SweepEvaluator(spec, org.npustudio.app.ModelFiles::sample, null);
            long t0 = System.nanoTime();
            ev.prepareAll();
            double prepare = (System.nanoTime() - t0) / 1e9;
            List<SweepPoint> all = SweepPoints.of(spec);
            // Warm the JIT on a few hundred points first, as a long sweep would be.
            SweepRunner.run(ev, all.subList(0, Math.min(300, all.size())), dir.resolve("warm"), SweepRunner.Options.defaults().withThreads(threads));
            SweepRunner.Summary s = SweepRunner.run(ev, all, dir.resolve("run"), SweepRunner.Options.defaults().withThreads(threads));
            out.printf(Locale.ROOT, "sweep benchmark: %s on %s, %d threads (%d cores)%n", sample != null ? sample : model, npuPreset, threads,
                    Runtime.getRuntime().availableProcessors());
            out.printf(Locale.ROOT, "  model opened and mapped once: %.2f s%n", prepare);
            out.printf(Locale.ROOT, "  %,d points (%,d invalid) in %.2f s: %,.0f points/min (%.2f ms per point per thread)%n", s.evaluated(),
                    s.results().invalid(), s.seconds(), s.pointsPerMinute(), s.seconds() * 1000 * threads / s.evaluated());
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

}
