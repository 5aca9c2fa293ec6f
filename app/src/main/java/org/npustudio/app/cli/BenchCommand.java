package org.npustudio.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.npustudio.app.ModelFiles;
import org.npustudio.app.bench.ImportBenchmark;
import org.npustudio.app.bench.LiveProfileBenchmark;
import org.npustudio.error.StudioException;

/**
 * {@code npustudio bench import [MODEL]}: product benchmarks that print figures (never timed tests).
 * Benchmarks that need test-only baselines (ELK for layout) run through the root {@code ./bench} script.
 */
final class BenchCommand implements Command {
    @Override public String name() { return "bench"; }

    @Override public String synopsis() { return "import [MODEL] | live"; }

    @Override public String summary() { return "benchmark model import against ONNX Runtime session creation"; }

    @Override
    public String details() {
        return """
                import [MODEL]   our reader (median of warm runs) vs ORT session creation on the same file, and
                                 the heap the IR keeps beyond the file's bytes (default MODEL: the resnet50 sample)
                live             the profiler's live refresh off the FX thread on every sample (simulate after an
                                 NPU edit, per-node profile, overlay)
                """;
    }

    @Override
    public int run(List<String> args, CliContext ctx) throws StudioException {
        List<String> words = Args.parse(name(), args, Set.of()).positional(1, 2, "BENCHMARK [MODEL]");
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
        if (!words.get(0).equals("import")) throw new UsageException(name(), "unknown benchmark '" + words.get(0) + "'; available: import, live");
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
}
