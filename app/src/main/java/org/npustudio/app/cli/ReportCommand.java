package org.npustudio.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Model;
import org.npustudio.npusim.cli.SimulateCommandCore;
import org.npustudio.npusim.cli.SimulateOptions;
import org.npustudio.npusim.config.NpuConfig;
import org.npustudio.npusim.fusion.FusionMode;
import org.npustudio.profiler.data.Metric;
import org.npustudio.profiler.data.Profile;
import org.npustudio.profiler.report.ReportWriter;
import org.npustudio.profiler.data.Roof;

/** {@code npustudio report}: simulate, then write the HTML report, per-op CSV/JSON and Model Explorer data. */
final class ReportCommand implements Command {
    @Override public String name() { return "report"; }

    @Override public String synopsis() {
        return "MODEL --npu (NPU.yaml | SCALESIM.cfg) [--plan PLAN.yaml] [--fuse none|auto|plan] [--loop-trips NODE=N]... " + PipelineArgs.SYNOPSIS + " [--host-profile HOST.json] [--metric METRIC] [--precision-budget DB] -o DIR " + ShapeArgs.SYNOPSIS;
    }

    @Override public String summary() { return "write report.html, ops.csv, ops.json and model-explorer.json for a simulated model"; }

    @Override
    public String details() {
        return "--metric chooses the value written for Model Explorer: " + Metric.validKeys() + " (default latency)\n"
                + "--loop-trips NODE=N  trip count of a Loop whose count is not a constant (repeatable; without it the Loop is not costed)\n"
                + "--precision-budget DB  add quantization sensitivity and the automatic precision choice at this output-SQNR budget\n"
                + "                       (as npustudio sensitivity --budget-sqnr DB; seeded inputs, objective latency)\n"
                + "--host-profile HOST.json  measured CPU costs (npustudio measure); each op's cost source (measured|modelled) is in every file\n"
                + PipelineArgs.HELP + ShapeArgs.HELP;
    }

    @Override
    public int run(List<String> args, CliContext ctx) throws StudioException {
        Args a = Args.parse(name(), args, Set.of(), ShapeArgs.with("--npu", "--plan", "--fuse", "--metric", "-o", "--loop-trips", PipelineArgs.OPTION, "--host-profile", "--precision-budget"));
        Path model = Path.of(a.positional(1, 1, "MODEL (an .onnx file)").get(0));
        Path out = Path.of(a.required("-o", "DIR"));
        Metric metric = Metric.parse(a.value("--metric", "latency"));
        if (metric == null) throw new UsageException(name(), "unknown --metric '" + a.value("--metric") + "'; use " + Metric.validKeys());
        FusionMode fuse = a.value("--fuse") == null ? null : FusionMode.parse(a.value("--fuse"));
        if (a.value("--fuse") != null && fuse == null) throw new UsageException(name(), "unknown --fuse '" + a.value("--fuse") + "'; use none, auto or plan");
        Path npuFile = Path.of(a.required("--npu", "NPU.yaml or SCALESIM.cfg"));
        Model m = ShapeArgs.open(a, model); // opened once: simulated and profiled as bound
        SimulateOptions o = new SimulateOptions(model, npuFile, a.value("--plan") == null ? null : Path.of(a.value("--plan")), fuse, null, null,
                LoopTrips.parse(name(), a.values("--loop-trips")), PipelineArgs.parse(a),
                a.value("--host-profile") == null ? null : Path.of(a.value("--host-profile")));
        // One simulation of the model opened above: the NPU file and the plan are read once each.
        SimulateCommandCore.Simulation run = SimulateCommandCore.simulate(m, o);
        for (String w : run.result().warnings()) ctx.err().println("warning: " + w);
        NpuConfig npu = run.npu();
        Profile profile = Profile.of(run.result(), m, run.partitionPlan());
        String graphId = m.graph().name().isEmpty() ? m.displayName() : m.graph().name();
        String precision = a.value("--precision-budget") == null ? "" : PrecisionSection.of(m, model, npu, a.value("--precision-budget"), ctx);
        for (Path p : ReportWriter.write(profile, new Roof(npu.name(), npu.peakMacsPerSecond(), npu.dramBytesPerSecond()), metric, graphId, out, precision)) {
            ctx.out().println("wrote " + p);
        }
        return Cli.OK;
    }
}
