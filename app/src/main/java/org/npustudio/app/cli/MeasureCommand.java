package org.npustudio.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.npustudio.error.StudioException;
import org.npustudio.host.HostMeasurer;
import org.npustudio.host.HostProfile;
import org.npustudio.host.HostProfileJson;
import org.npustudio.ir.Model;

/** {@code npustudio measure}: per-node host costs from ONNX Runtime's profiler, written as HOST.json. */
final class MeasureCommand implements Command {
    @Override public String name() { return "measure"; }

    @Override public String synopsis() {
        return "MODEL [--runs N] [--warmup N] [--threads N] [--seed N] -o HOST.json " + ShapeArgs.SYNOPSIS;
    }

    @Override public String summary() { return "measure each node's time on this machine's CPU with ONNX Runtime (host profile)"; }

    @Override
    public String details() {
        HostMeasurer.Options d = HostMeasurer.Options.DEFAULT;
        return """
                Runs the model in ONNX Runtime with its profiler on: graph optimisations off (ORT's nodes are
                the model's nodes), seeded random inputs, warm-up runs not counted, then the counted runs.
                HOST.json holds each node's median, min and max kernel time, the whole run's median, the
                CPU name, thread count, ORT version and the model's SHA-256 (docs/host-profile.md). Nodes
                ORT runs no kernel for (Constant) are listed as unreported and stay modelled.
                Use it with simulate/report/partition auto --host-profile, or fit a CPU description to it
                with calibrate-host.
                  --runs N      counted runs (default %d); medians over these
                  --warmup N    runs before counting (default %d)
                  --threads N   ONNX Runtime intra-op threads (default %d: the steadiest figures, and what
                                the simulator's CPU roofline describes)
                  --seed N      seed of the random inputs (default 0)
                """.formatted(d.runs(), d.warmup(), d.threads()) + ShapeArgs.HELP;
    }

    @Override
    public int run(List<String> args, CliContext ctx) throws StudioException {
        Args a = Args.parse(name(), args, Set.of(), ShapeArgs.with("--runs", "--warmup", "--threads", "--seed", "-o"));
        Path file = Path.of(a.positional(1, 1, "MODEL").get(0));
        Path out = Path.of(a.required("-o", "HOST.json"));
        HostMeasurer.Options d = HostMeasurer.Options.DEFAULT;
        HostMeasurer.Options o = new HostMeasurer.Options(count(a, "--runs", d.runs(), 1), count(a, "--warmup", d.warmup(), 0),
                count(a, "--threads", d.threads(), 1), count(a, "--seed", 0, 0));
        Model m = ShapeArgs.open(a, file);
        HostProfile p = HostMeasurer.measure(file, m, o, null);
        HostProfileJson.write(p, out);
        ctx.out().printf(Locale.ROOT, "wrote %s: %d nodes measured%s; whole run median %.1f us, sum of node medians %.1f us%n", out,
                p.nodes().size(), p.unreported().isEmpty() ? "" : ", " + p.unreported().size() + " not reported by ONNX Runtime (stay modelled)",
                p.modelMedianMicros(), p.nodeSumMicros());
        ctx.out().printf(Locale.ROOT, "%d runs after %d warm-up, %d thread(s), ONNX Runtime %s, CPU %s%n", p.runs(), p.warmup(), p.threads(),
                p.ortVersion(), p.cpu());
        return Cli.OK;
    }

    private int count(Args a, String option, int dflt, int min) throws UsageException {
        String v = a.value(option);
        if (v == null) return dflt;
        try {
            int n = Integer.parseInt(v);
            if (n < min) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(name(), option + " needs a whole number from " + min + ", not '" + v + "'");
        }
    }
}
