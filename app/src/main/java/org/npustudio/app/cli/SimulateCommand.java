package org.npustudio.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.npustudio.error.StudioException;
import org.npustudio.npusim.cli.OutputFormat;
import org.npustudio.npusim.cli.SimulateCommandCore;
import org.npustudio.npusim.cli.SimulateOptions;
import org.npustudio.npusim.cli.TraceWriter;
import org.npustudio.npusim.fusion.FusionMode;
import org.npustudio.npusim.sim.SimulationResult;

/** {@code npustudio simulate}: the NPU simulator on an ONNX model or a SCALE-Sim topology. */
final class SimulateCommand implements Command {
    @Override public String name() { return "simulate"; }

    @Override public String synopsis() {
        return "(MODEL.onnx | TOPOLOGY.csv) --npu (NPU.yaml | SCALESIM.cfg) [--plan PLAN.yaml] [--fuse none|auto|plan]"
                + " [--format table|csv|json|scalesim] [--loop-trips NODE=N]... " + PipelineArgs.SYNOPSIS + " [--host-profile HOST.json] [--trace OUT.json] [-o DIR] " + ShapeArgs.SYNOPSIS;
    }

    @Override public String summary() { return "simulate a model on an NPU: cycles, latency, DRAM traffic, schedule"; }

    @Override
    public String details() {
        return """
                --npu FILE      NPU description (docs/npu-config.md; presets in samples/npu/) or a SCALE-Sim .cfg
                --plan FILE     device assignment and fusion groups (docs/npu-simulator.md)
                --fuse MODE     none, auto (group layers to minimise DRAM traffic) or plan (the plan's groups)
                --format FMT    table (default), csv, json, or scalesim (COMPUTE_REPORT.csv and
                                DETAILED_ACCESS_REPORT.csv with SCALE-Sim's exact headers)
                --loop-trips NODE=N  trip count of a Loop whose count is not a constant (repeatable;
                                without it such a Loop is reported as not costed, never as 0)
                --host-profile HOST.json  measured CPU costs (npustudio measure): nodes on a CPU take
                                their measured median, labelled cost_source "measured"; the rest
                                "modelled" (docs/host-profile.md)
                --trace OUT.json  also write the schedule as a Chrome/Perfetto trace (open it in
                                ui.perfetto.dev; docs/npu-simulator.md, "Trace")
                -o DIR          write the report into DIR instead of printing it
                """ + PipelineArgs.HELP + ShapeArgs.HELP;
    }

    @Override
    public int run(List<String> args, CliContext ctx) throws StudioException {
        Args a = Args.parse(name(), args, Set.of(), ShapeArgs.with("--npu", "--plan", "--fuse", "--format", "-o", "--loop-trips", PipelineArgs.OPTION, "--host-profile", "--trace"));
        String model = a.positional(1, 1, "MODEL (an .onnx model or a SCALE-Sim topology .csv)").get(0);
        FusionMode fuse = null;
        if (a.value("--fuse") != null) {
            fuse = FusionMode.parse(a.value("--fuse"));
            if (fuse == null) throw new UsageException(name(), "unknown --fuse '" + a.value("--fuse") + "'; use none, auto or plan");
        }
        OutputFormat format = parseFormat(a.value("--format", "table"));
        SimulateOptions o = new SimulateOptions(Path.of(model), Path.of(a.required("--npu", "NPU.yaml or SCALESIM.cfg")),
                a.value("--plan") == null ? null : Path.of(a.value("--plan")), fuse, format,
                a.value("-o") == null ? null : Path.of(a.value("-o")), LoopTrips.parse(name(), a.values("--loop-trips")), PipelineArgs.parse(a),
                a.value("--host-profile") == null ? null : Path.of(a.value("--host-profile")));
        boolean topology = model.toLowerCase().endsWith(".csv");
        if (topology && o.pipeline() != null) throw new UsageException(name(), "--pipeline applies to ONNX models, not topologies");
        if (topology && o.hostProfile() != null) throw new UsageException(name(), "--host-profile applies to ONNX models, not topologies");
        if (topology && !ShapeArgs.binding(a).isEmpty()) throw new UsageException(name(), "--input-shape and --dim apply to ONNX models, not topologies");
        SimulationResult r = SimulateCommandCore.runChecked(o, topology ? null : ShapeArgs.open(a, Path.of(model)), ctx.out(), ctx.err());
        if (a.value("--trace") != null) {
            Path trace = Path.of(a.value("--trace"));
            TraceWriter.write(r, trace);
            // on stderr: stdout may be the report itself (csv, json) piped elsewhere
            ctx.err().println("wrote trace " + trace);
        }
        return Cli.OK;
    }

    private OutputFormat parseFormat(String s) throws UsageException {
        for (OutputFormat f : OutputFormat.values()) if (f.name().equalsIgnoreCase(s)) return f;
        throw new UsageException(name(), "unknown --format '" + s + "'; use table, csv, json or scalesim");
    }
}
