package org.npustudio.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import java.nio.file.Path;
import java.util.Locale;
import org.npustudio.error.StudioException;
import org.npustudio.host.HostMeasurer;
import org.npustudio.host.HostProfile;
import org.npustudio.host.HostProfileJson;
import org.npustudio.ir.Model;

/** {@code npustudio measure}: per-node host costs from ONNX Runtime's profiler, written as HOST.json. */
@Command(name = "measure", description = "measure each node's time on this machine's CPU with ONNX Runtime (host profile)",
        footer = """
                Runs the model in ONNX Runtime with its profiler on: graph optimisations off (ORT's nodes are
                the model's nodes), seeded random inputs, warm-up runs not counted, then the counted runs.
                HOST.json holds each node's median, min and max kernel time, the whole run's median, the
                CPU name, thread count, ORT version and the model's SHA-256 (docs/host-profile.md). Nodes
                ORT runs no kernel for (Constant) are listed as unreported and stay modelled.
                Use it with simulate/report/partition auto --host-profile, or fit a CPU description to it
                with calibrate-host.""")
final class MeasureCommand extends StudioCommand {
    @Parameters(paramLabel = "MODEL", description = "an .onnx file")
    Path file;

    @Option(names = "-o", paramLabel = "HOST.json", required = true, description = "where to write the host profile")
    Path out;

    @Option(names = "--runs", paramLabel = "N", description = "counted runs (default " + HostMeasurer.Options.RUNS + "); medians over these")
    int runs = HostMeasurer.Options.RUNS;

    @Option(names = "--warmup", paramLabel = "N", description = "runs before counting (default " + HostMeasurer.Options.WARMUP + ")")
    int warmup = HostMeasurer.Options.WARMUP;

    @Option(names = "--threads", paramLabel = "N", description = "ONNX Runtime intra-op threads (default "
            + HostMeasurer.Options.THREADS + ": the steadiest figures, and what the simulator's CPU roofline describes)")
    int threads = HostMeasurer.Options.THREADS;

    @Option(names = "--seed", paramLabel = "N", description = "seed of the random inputs (default 0)")
    int seed;

    @Mixin ShapeOptions shapes;

    @Override
    public int run() throws StudioException {
        HostMeasurer.Options o = new HostMeasurer.Options(atLeast(runs, "--runs", 1), atLeast(warmup, "--warmup", 0),
                atLeast(threads, "--threads", 1), atLeast(seed, "--seed", 0));
        Model m = shapes.open(file);
        HostProfile p = HostMeasurer.measure(file, m, o, null);
        HostProfileJson.write(p, out);
        ctx.out().printf(Locale.ROOT, "wrote %s: %d nodes measured%s; whole run median %.1f us, sum of node medians %.1f us%n", out,
                p.nodes().size(), p.unreported().isEmpty() ? "" : ", " + p.unreported().size() + " not reported by ONNX Runtime (stay modelled)",
                p.modelMedianMicros(), p.nodeSumMicros());
        ctx.out().printf(Locale.ROOT, "%d runs after %d warm-up, %d thread(s), ONNX Runtime %s, CPU %s%n", p.runs(), p.warmup(), p.threads(),
                p.ortVersion(), p.cpu());
        return Cli.OK;
    }

    private int atLeast(int n, String option, int min) throws UsageException {
        if (n < min) throw usage(option + " needs a whole number from " + min + ", not '" + n + "'");
        return n;
    }
}
