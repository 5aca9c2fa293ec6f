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
import org.npustudio.profiler.data.Metric;
import org.npustudio.profiler.data.Profile;
import org.npustudio.profiler.report.ReportWriter;
import org.npustudio.profiler.data.Roof;

/** {@code npustudio report}: simulate, then write the HTML report, per-op CSV/JSON and Model Explorer data. */
@Command(name = "report", description = "write report.html, ops.csv, ops.json and model-explorer.json for a simulated model")
final class ReportCommand extends StudioCommand {
    @Parameters(paramLabel = "MODEL", description = "an .onnx file")
    Path model;

    @Option(names = "--metric", paramLabel = "METRIC", defaultValue = "latency",
            description =
                    "the value written for Model Explorer: ${COMPLETION-CANDIDATES} (default latency)", completionCandidates = MetricKeys.class)
    String metricKey;

    @Option(names = "-o", paramLabel = "DIR", required = true, description = "where to write the files")
    Path out;

    @Option(names = "--precision-budget", paramLabel = "DB", description =
            "add quantization sensitivity and the automatic precision choice at this output-SQNR budget "
            + "(as npustudio sensitivity --budget-sqnr DB; seeded inputs, objective latency)")
    String precisionBudget;

    @Mixin SimulationInputs inputs;

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
        SimulateOptions o = inputs.options(model, null, null, name());
        Model m = shapes.open(model); // opened once: simulated and profiled as bound
        // One simulation of the model opened above: the NPU file and the plan are read once each.
        SimulateCommandCore.Simulation run = SimulateCommandCore.simulate(m, o);
        for (String w : run.result().warnings()) ctx.err().println("warning: " + w);
        NpuConfig npu = run.npu();
        Profile profile = Profile.of(run.result(), m, run.partitionPlan());
        String graphId = m.graph().name().isEmpty() ? m.displayName() : m.graph().name();
        String precision = precisionBudget == null ? "" : PrecisionSection.of(m, model, npu, precisionBudget, ctx);
        for (Path p : ReportWriter.write(profile, new Roof(npu.name(), npu.peakMacsPerSecond(), npu.dramBytesPerSecond()), metric, graphId, out, precision)) {
            ctx.out().println("wrote " + p);
        }
        return Cli.OK;
    }
}
