package org.npustudio.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
@Command(name = "report", description = "write report.html, ops.csv, ops.json and model-explorer.json for a simulated model")
final class ReportCommand extends StudioCommand {
    @Parameters(paramLabel = "MODEL", description = "an .onnx file")
    Path model;

    @Option(names = "--npu", paramLabel = "FILE", required = true, description = "NPU description (NPU.yaml) or a SCALE-Sim .cfg")
    Path npuFile;

    @Option(names = "--plan", paramLabel = "FILE", description = "device assignment and fusion groups (docs/npu-simulator.md)")
    Path plan;

    @Option(names = "--fuse", paramLabel = "MODE", description = "none, auto or plan")
    String fuse;

    @Option(names = "--loop-trips", paramLabel = "NODE=N", description =
            "trip count of a Loop whose count is not a constant (repeatable; without it the Loop is not "
            + "costed)")
    List<String> loopTrips = new ArrayList<>();

    @Option(names = "--host-profile", paramLabel = "HOST.json", description =
            "measured CPU costs (npustudio measure); each op's cost source (measured|modelled) is in every "
            + "file")
    Path hostProfile;

    @Option(names = "--metric", paramLabel = "METRIC", defaultValue = "latency",
            description =
                    "the value written for Model Explorer: ${COMPLETION-CANDIDATES} (default latency)", completionCandidates = MetricKeys.class)
    String metricKey;

    @Option(names = "-o", paramLabel = "DIR", required = true, description = "where to write the files")
    Path out;

    @Mixin PipelineOption pipeline;

    @Mixin ShapeOptions shapes;

    /** The metric keys, for help and shell completion. */
    static final class MetricKeys extends ArrayList<String> {
        MetricKeys() {
            super(List.of(Metric.validKeys().split(",\\s*")));
        }
    }

    @Override
    public int run() throws StudioException {
        Metric metric = Metric.parse(metricKey);
        if (metric == null) throw usage("unknown --metric '" + metricKey + "'; use " + Metric.validKeys());
        FusionMode fuseMode = fuse == null ? null : FusionMode.parse(fuse);
        if (fuse != null && fuseMode == null) throw usage("unknown --fuse '" + fuse + "'; use none, auto or plan");
        Model m = shapes.open(model); // opened once: simulated and profiled as bound
        SimulateOptions o = new SimulateOptions(model, npuFile, plan, fuseMode, null, null,
                LoopTrips.parse(name(), loopTrips), pipeline.parse(), hostProfile);
        // One simulation of the model opened above: the NPU file and the plan are read once each.
        SimulateCommandCore.Simulation run = SimulateCommandCore.simulate(m, o);
        for (String w : run.result().warnings()) ctx.err().println("warning: " + w);
        NpuConfig npu = run.npu();
        Profile profile = Profile.of(run.result(), m, run.partitionPlan());
        String graphId = m.graph().name().isEmpty() ? m.displayName() : m.graph().name();
        for (Path p : ReportWriter.write(profile, new Roof(npu.name(), npu.peakMacsPerSecond(), npu.dramBytesPerSecond()), metric, graphId, out)) {
            ctx.out().println("wrote " + p);
        }
        return Cli.OK;
    }
}
