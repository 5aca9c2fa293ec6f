package org.npustudio.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.npustudio.app.ModelFiles;
import org.npustudio.app.bench.ImportBenchmark;
import org.npustudio.app.bench.LiveProfileBenchmark;
import org.npustudio.app.bench.OpenBenchmark;
import org.npustudio.app.bench.OptimiseBenchmark;
import org.npustudio.app.bench.PipelineBenchmark;
import org.npustudio.app.bench.SweepBenchmark;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Model;
import org.npustudio.samples.SampleLibrary;
import org.npustudio.samples.SyntheticModels;
import org.npustudio.shape.ShapeBinding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code npustudio bench import|open|passes|live|optimise|sweep}: product benchmarks that print figures
 * (never timed tests). Benchmarks that need test-only baselines (ELK for layout) run through the root
 * {@code ./bench} script.
 */
@Command(name = "bench", description =
        "benchmark import (vs ONNX Runtime), time to first graph, the pass pipeline, the live profiler, "
        + "the plan optimiser",
        subcommands = {BenchCommand.Import.class, BenchCommand.Open.class, BenchCommand.Passes.class, BenchCommand.Live.class,
                BenchCommand.Optimise.class, BenchCommand.Sweep.class})
final class BenchCommand extends CommandGroup {
    @Override
    protected String kind() {
        return "benchmark";
    }

    /** A benchmark's own failures, as one line naming what it ran on. */
    interface Body {
        void run() throws Exception;
    }

    static void timed(String what, Body body) throws StudioException {
        try {
            body.run();
        } catch (StudioException e) {
            throw e;
        } catch (Exception e) {
            throw new StudioException(what, "benchmark", String.valueOf(e.getMessage()));
        }
    }

    @Command(name = "import", description =
            "our reader (median of warm runs) vs ORT session creation on the same file, and the heap the IR "
            + "keeps beyond the file's bytes")
    static final class Import extends StudioCommand {
        @Parameters(paramLabel = "MODEL", arity = "0..1", description = "default: the resnet50 sample")
        Path model;

        @Override
        public int run() throws StudioException {
            Path m = model != null ? model : ModelFiles.sample("resnet50");
            ModelFiles.open(m); // fail with the usual one-line error before timing anything
            timed(m.toString(), () -> ImportBenchmark.run(m, ctx.out()));
            return Cli.OK;
        }
    }

    @Command(name = "open", description =
            "time to first graph: the steps read, shape inference, summary, layout input, layout and scene "
            + "one by one, and the whole open in the IDE window up to the first frame showing the graph. The "
            + "window needs a display: run it under xvfb-run on a machine without one.")
    static final class Open extends StudioCommand {
        @Parameters(paramLabel = "MODEL", arity = "0..*", description = "default: every bundled sample")
        List<Path> files = new ArrayList<>();

        @Override
        public int run() throws StudioException {
            List<Path> models = new ArrayList<>(files);
            if (models.isEmpty()) for (String sample : SampleLibrary.names()) models.add(ModelFiles.sample(sample));
            // Fail with the usual one-line error before timing anything, without warming the code being timed.
            for (Path m : models) if (!Files.isRegularFile(m)) ModelFiles.open(m);
            timed("bench open", () -> OpenBenchmark.run(models, ctx.out()));
            return Cli.OK;
        }
    }

    @Command(name = "passes", description =
            "the default pipeline + legalize: time per pass, heap kept by the snapshots, and node matching "
            + "(by id, by name/neighbours, unnamed) between input and output")
    static final class Passes extends StudioCommand {
        @Parameters(paramLabel = "MODEL", arity = "0..1", description = "default: a synthetic residual chain")
        Path model;

        @Mixin ShapeOptions shapes;

        @Override
        public int run() throws StudioException {
            ShapeBinding binding = shapes.binding();
            if (model == null && !binding.isEmpty()) throw usage("--input-shape needs a MODEL");
            if (model == null) {
                timed("synthetic model", () -> PipelineBenchmark.run("synthetic residual chain", () -> SyntheticModels.residualChain(2000), ctx.out()));
            } else {
                ModelFiles.open(model, binding);
                timed(model.toString(), () -> PipelineBenchmark.run(model.getFileName().toString(), () -> openModel(model, binding), ctx.out()));
            }
            return Cli.OK;
        }

        private static Model openModel(Path model, ShapeBinding binding) {
            try {
                return ModelFiles.open(model, binding);
            } catch (StudioException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
    }

    @Command(name = "live", description =
            "the profiler's live refresh off the FX thread on every sample (simulate after an NPU edit, "
            + "per-node profile, overlay)")
    static final class Live extends StudioCommand {
        @Override
        public int run() throws StudioException {
            timed("samples", () -> LiveProfileBenchmark.run(ctx.out()));
            return Cli.OK;
        }
    }

    @Command(name = "optimise", description =
            "partition auto --strategy cost vs capability splitting on synthetic 1,000- and 10,000-node "
            + "residual chains on the edge NPU preset (targets 2 s and 20 s)")
    static final class Optimise extends StudioCommand {
        @Override
        public int run() throws StudioException {
            timed("synthetic model", () -> OptimiseBenchmark.run(ctx.out()));
            return Cli.OK;
        }
    }

    @Command(name = "sweep", description =
            "design points per minute of a random sweep (array, dataflow, buffers, DRAM) on the edge NPU "
            + "preset, results log included")
    static final class Sweep extends StudioCommand {
        @Parameters(paramLabel = "MODEL", arity = "0..1", description = "default: the resnet50 sample")
        Path model;

        @Option(names = "--points", paramLabel = "N", description = "design points (default 20000)")
        int points = 20_000;

        @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: every core)")
        int threads = Runtime.getRuntime().availableProcessors();

        @Override
        public int run() throws StudioException {
            if (points < 1) throw usage("--points takes a whole number above 0, not '" + points + "'");
            if (threads < 1) throw usage("--threads takes a whole number above 0, not '" + threads + "'");
            timed(model == null ? "resnet50" : model.toString(),
                    () -> SweepBenchmark.run(model, model == null ? "resnet50" : null, "edge-npu-8tops", points, threads, ctx.out()));
            return Cli.OK;
        }
    }
}
