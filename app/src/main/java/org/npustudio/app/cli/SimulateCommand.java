package org.npustudio.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import java.nio.file.Path;
import java.util.List;
import org.npustudio.error.StudioException;
import org.npustudio.npusim.cli.OutputFormat;
import org.npustudio.npusim.cli.SimulateCommandCore;
import org.npustudio.npusim.cli.SimulateOptions;
import org.npustudio.npusim.cli.TraceWriter;
import org.npustudio.npusim.sim.SimulationResult;

/** {@code npustudio simulate}: the NPU simulator on an ONNX model or a SCALE-Sim topology. */
@Command(name = "simulate", description = "simulate a model on an NPU: cycles, latency, DRAM traffic, schedule")
final class SimulateCommand extends StudioCommand {
    @Parameters(paramLabel = "MODEL", description = "an .onnx model or a SCALE-Sim topology .csv")
    String model;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "table", description =
            "table (default), csv, json, or scalesim (COMPUTE_REPORT.csv and DETAILED_ACCESS_REPORT.csv with "
            + "SCALE-Sim's exact headers)")
    String format;

    @Option(names = "--trace", paramLabel = "OUT.json", description =
            "also write the schedule as a Chrome/Perfetto trace (open it in ui.perfetto.dev; "
            + "docs/npu-simulator.md, \"Trace\")")
    Path trace;

    @Option(names = "-o", paramLabel = "DIR", description = "write the report into DIR instead of printing it")
    Path outDir;

    @Mixin SimulationInputs inputs;

    @Mixin ShapeOptions shapes;

    @Override
    public int run() throws StudioException {
        SimulateOptions o = inputs.options(Path.of(model), parseFormat(format), outDir, name());
        boolean topology = model.toLowerCase().endsWith(".csv");
        if (topology && o.pipeline() != null) throw new UsageException(name(), "--pipeline applies to ONNX models, not topologies");
        if (topology && o.hostProfile() != null) throw new UsageException(name(), "--host-profile applies to ONNX models, not topologies");
        if (topology && !shapes.binding().isEmpty()) throw new UsageException(name(), "--input-shape and --dim apply to ONNX models, not topologies");
        SimulationResult r = SimulateCommandCore.runChecked(o, topology ? null : shapes.open(Path.of(model)), ctx.out(), ctx.err());
        if (trace != null) {
            TraceWriter.write(r, trace);
            // on stderr: stdout may be the report itself (csv, json) piped elsewhere
            ctx.err().println("wrote trace " + trace);
        }
        return Cli.OK;
    }

    private OutputFormat parseFormat(String s) throws UsageException {
        for (OutputFormat f : OutputFormat.values()) if (f.name().equalsIgnoreCase(s)) return f;
        throw usage("unknown --format '" + s + "'; use table, csv, json or scalesim");
    }
}
