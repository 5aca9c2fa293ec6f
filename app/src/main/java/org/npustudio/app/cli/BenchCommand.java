package org.npustudio.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.npustudio.app.ModelFiles;
import org.npustudio.app.bench.ImportBenchmark;
import org.npustudio.app.bench.LiveProfileBenchmark;
import org.npustudio.app.bench.PipelineBenchmark;
import org.npustudio.error.StudioException;
import org.npustudio.samples.SyntheticModels;

/**
 * {@code npustudio bench import|passes [MODEL] | live}: product benchmarks that print figures (never timed tests).
 * Benchmarks that need test-only baselines (ELK for layout) run through the root {@code ./bench} script.
 */
final class BenchCommand implements Command {
    @Override public String name() { return "bench"; }

    @Override public String synopsis() { return "import|passes [MODEL] | live"; }

    @Override public String summary() { return "benchmark model import against ONNX Runtime, the pass pipeline and diff, or the live profiler"; }

    @Override
    public String details() {
        return """
                import [MODEL]   our reader (median of warm runs) vs ORT session creation on the same file, and
                                 the heap the IR keeps beyond the file's bytes (default MODEL: the resnet50 sample)
                passes [MODEL]   the default pipeline + legalize: time per pass, heap kept by the snapshots, and
                                 node matching (by id, by name/neighbours, unnamed) between input and output
                                 (default: a synthetic 10,000-node residual chain)
                live             the profiler's live refresh off the FX thread on every sample (simulate after an
                                 NPU edit, per-node profile, overlay)
                """;
    }

    @Override
    public int run(List<String> args, CliContext ctx) throws StudioException {
        List<String> words = Args.parse(name(), args, Set.of()).positional(1, 2, "BENCHMARK [MODEL]");
        if (words.get(0).equals("passes")) return passes(words.size() > 1 ? Path.of(words.get(1)) : null, ctx);
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
        if (!words.get(0).equals("import")) throw new UsageException(name(), "unknown benchmark '" + words.get(0) + "'; available: import, passes, live");
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

    private static int passes(Path model, CliContext ctx) throws StudioException {
        if (model != null) ModelFiles.open(model);
        try {
            if (model == null) PipelineBenchmark.run("synthetic residual chain", () -> SyntheticModels.residualChain(2000), ctx.out());
            else PipelineBenchmark.run(model.getFileName().toString(), () -> open(model), ctx.out());
        } catch (StudioException e) {
            throw e;
        } catch (Exception e) {
            throw new StudioException(model == null ? "synthetic model" : model.toString(), "benchmark", String.valueOf(e.getMessage()));
        }
        return Cli.OK;
    }

    private static org.npustudio.ir.Model open(Path model) {
        try {
            return ModelFiles.open(model);
        } catch (StudioException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
