package org.npustudio.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.npustudio.app.ModelFiles;
import org.npustudio.app.bench.ImportBenchmark;
import org.npustudio.app.bench.OpenBenchmark;
import org.npustudio.samples.SampleLibrary;
import org.npustudio.app.bench.LiveProfileBenchmark;
import org.npustudio.app.bench.PipelineBenchmark;
import org.npustudio.app.bench.SweepBenchmark;
import org.npustudio.error.StudioException;
import org.npustudio.samples.SyntheticModels;

/**
 * {@code npustudio bench import|open|passes|live}: product benchmarks that print figures (never timed tests).
 * Benchmarks that need test-only baselines (ELK for layout) run through the root {@code ./bench} script.
 */
final class BenchCommand implements Command {
    @Override public String name() { return "bench"; }

    @Override public String synopsis() { return "import [MODEL] | open [MODEL...] | passes [MODEL " + ShapeArgs.SYNOPSIS + "] | live"; }

    @Override public String summary() { return "benchmark import (vs ONNX Runtime), time to first graph, the pass pipeline, the live profiler"; }

    @Override
    public String details() {
        return """
                import [MODEL]   our reader (median of warm runs) vs ORT session creation on the same file, and
                                 the heap the IR keeps beyond the file's bytes (default MODEL: the resnet50 sample)
                open [MODEL...]  time to first graph (default: every bundled sample): the steps read, shape inference,
                                 summary, layout input, layout and scene one by one, and the whole open in the IDE
                                 window up to the first frame showing the graph. The window needs a display: run
                                 it under xvfb-run on a machine without one.
                passes [MODEL]   the default pipeline + legalize: time per pass, heap kept by the snapshots, and
                                 node matching (by id, by name/neighbours, unnamed) between input and output
                                 (default: a synthetic 10,000-node residual chain)
                live             the profiler's live refresh off the FX thread on every sample (simulate after an
                                 NPU edit, per-node profile, overlay)
                sweep [MODEL]    design points per minute of a random sweep (array, dataflow, buffers, DRAM) on
                                 the edge NPU preset, results log included (default MODEL: the resnet50 sample;
                                 --points N, default 20000; --threads N, default every core)
                """;
    }

    @Override
    public int run(List<String> args, CliContext ctx) throws StudioException {
        Args a = Args.parse(name(), args, Set.of(), union(ShapeArgs.OPTIONS, Set.of("--points", "--threads")));
        List<String> words = a.positional(1, Integer.MAX_VALUE, "BENCHMARK [MODEL]");
        org.npustudio.shape.ShapeBinding binding = ShapeArgs.binding(a);
        if (!binding.isEmpty() && !words.get(0).equals("passes")) {
            throw new UsageException(name(), "--input-shape and --dim apply to 'bench passes' (the others time opening the file as it is)");
        }
        if (words.get(0).equals("open")) return open(words.subList(1, words.size()), ctx);
        if (words.size() > 2) throw new UsageException(name(), "unexpected argument '" + words.get(2) + "'");
        if (words.get(0).equals("passes")) return passes(words.size() > 1 ? Path.of(words.get(1)) : null, binding, ctx);
        if (!words.get(0).equals("sweep") && (a.has("--points") || a.has("--threads"))) {
            throw new UsageException(name(), "--points and --threads apply to 'bench sweep'");
        }
        if (words.get(0).equals("sweep")) return sweep(words.size() > 1 ? Path.of(words.get(1)) : null, a, ctx);
        if (words.get(0).equals("live")) {
            if (words.size() > 1) throw new UsageException(name(), "bench live runs on the bundled samples and takes no MODEL");
            try {
                LiveProfileBenchmark.run(ctx.out());
            } catch (StudioException e) {
                throw e;
            } catch (Exception e) {
                throw new StudioException("samples", "benchmark", e.getMessage());
            }
            return Cli.OK;
        }
        if (!words.get(0).equals("import")) throw new UsageException(name(), "unknown benchmark '" + words.get(0) + "'; available: import, open, passes, live, sweep");
        Path model = words.size() > 1 ? Path.of(words.get(1)) : ModelFiles.sample("resnet50");
        ModelFiles.open(model); // fail with the usual one-line error before timing anything
        try {
            ImportBenchmark.run(model, ctx.out());
        } catch (StudioException e) {
            throw e;
        } catch (Exception e) {
            throw new StudioException(model.toString(), "benchmark", e.getMessage());
        }
        return Cli.OK;
    }

    private int sweep(Path model, Args a, CliContext ctx) throws StudioException {
        int points = count(a.value("--points", "20000"), "--points");
        int threads = count(a.value("--threads", Integer.toString(Runtime.getRuntime().availableProcessors())), "--threads");
        try {
            SweepBenchmark.run(model, model == null ? "resnet50" : null, "edge-npu-8tops", points, threads, ctx.out());
        } catch (StudioException e) {
            throw e;
        } catch (Exception e) {
            throw new StudioException(model == null ? "resnet50" : model.toString(), "benchmark", e.getMessage());
        }
        return Cli.OK;
    }

    private int count(String text, String option) throws UsageException {
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 1) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(name(), option + " takes a whole number above 0, not '" + text + "'");
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new java.util.HashSet<>(a);
        u.addAll(b);
        return u;
    }

    private int open(List<String> files, CliContext ctx) throws StudioException {
        List<Path> models = new java.util.ArrayList<>();
        if (files.isEmpty()) for (String sample : SampleLibrary.names()) models.add(ModelFiles.sample(sample));
        for (String f : files) models.add(Path.of(f));
        // Fail with the usual one-line error before timing anything, without warming the code being timed.
        for (Path m : models) if (!java.nio.file.Files.isRegularFile(m)) ModelFiles.open(m);
        try {
            OpenBenchmark.run(models, ctx.out());
        } catch (StudioException e) {
            throw e;
        } catch (Exception e) {
            throw new StudioException("bench open", "", e.getMessage());
        }
        return Cli.OK;
    }

    private static int passes(Path model, org.npustudio.shape.ShapeBinding binding, CliContext ctx) throws StudioException {
        if (model == null && !binding.isEmpty()) throw new UsageException("bench", "--input-shape needs a MODEL");
        if (model != null) ModelFiles.open(model, binding);
        try {
            if (model == null) PipelineBenchmark.run("synthetic residual chain", () -> SyntheticModels.residualChain(2000), ctx.out());
            else PipelineBenchmark.run(model.getFileName().toString(), () -> openModel(model, binding), ctx.out());
        } catch (StudioException e) {
            throw e;
        } catch (Exception e) {
            throw new StudioException(model == null ? "synthetic model" : model.toString(), "benchmark", String.valueOf(e.getMessage()));
        }
        return Cli.OK;
    }

    private static org.npustudio.ir.Model openModel(Path model, org.npustudio.shape.ShapeBinding binding) {
        try {
            return ModelFiles.open(model, binding);
        } catch (StudioException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
