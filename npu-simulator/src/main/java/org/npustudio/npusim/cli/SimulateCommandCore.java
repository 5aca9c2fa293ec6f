package org.npustudio.npusim.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.npustudio.error.StudioException;
import org.npustudio.io.AtomicFiles;
import org.npustudio.ir.Model;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.config.DeviceConfigReader;
import org.npustudio.npusim.config.NpuConfig;
import org.npustudio.npusim.cost.HostCosts;
import org.npustudio.npusim.scalesim.TopologyReader;
import org.npustudio.npusim.scalesim.TopologyWorkMapper;
import org.npustudio.npusim.sim.SimulationResult;
import org.npustudio.npusim.sim.SimulationService;
import org.npustudio.npusim.work.WorkGraph;
import org.npustudio.host.HostProfileJson;
import org.npustudio.onnx.ModelOpener;
import org.npustudio.plan.ModelRef;
import org.npustudio.plan.Plan;
import org.npustudio.plan.yaml.PlanFiles;

/**
 * The headless body of {@code npustudio simulate}: reads the model (ONNX or SCALE-Sim topology), the
 * NPU (YAML or SCALE-Sim cfg) and the optional plan, simulates, and prints or writes the report.
 * Returns the exit code: 0 done, 1 bad input (one line on {@code err}, no stack trace).
 */
public final class SimulateCommandCore {
    private SimulateCommandCore() {}

    public static int run(SimulateOptions o, PrintStream out, PrintStream err) {
        try {
            runChecked(o, out, err);
            return 0;
        } catch (StudioException e) {
            err.println("error: " + e.oneLine());
            return 1;
        }
    }

    /** Simulates and reports; warnings go to {@code err}; problems are thrown, for callers with their own error style. */
    public static SimulationResult runChecked(SimulateOptions o, PrintStream out, PrintStream err) throws StudioException {
        return runChecked(o, null, out, err);
    }

    /** As {@link #runChecked(SimulateOptions, PrintStream, PrintStream)} on a model the caller opened (and bound); null: read o.model(). */
    public static SimulationResult runChecked(SimulateOptions o, Model opened, PrintStream out, PrintStream err) throws StudioException {
        Simulation s = opened == null ? simulateFiles(o) : simulate(opened, o);
        for (String w : s.result().warnings()) err.println("warning: " + w);
        write(s.result(), o, s.npu(), out);
        return s.result();
    }

    /** The NPU described by a YAML file or SCALE-Sim {@code .cfg}; a CPU description is an error. */
    public static NpuConfig readNpu(Path file) throws StudioException {
        return npuOf(file, DeviceConfigReader.readAny(file, new ArrayList<>())).npu();
    }

    /** One run's result with the NPU it ran on and the partition plan it used (null when none, or a device-assignment plan). */
    public record Simulation(SimulationResult result, NpuConfig npu, Plan partitionPlan) {}

    /** Reads all inputs and simulates; warnings from reading are part of the result's warnings. */
    public static SimulationResult simulate(SimulateOptions o) throws StudioException {
        return simulateFiles(o).result();
    }

    private static Simulation simulateFiles(SimulateOptions o) throws StudioException {
        Model model = null;
        WorkGraph graph;
        if (o.model().getFileName().toString().toLowerCase().endsWith(".csv")) {
            graph = readModel(o.model());
        } else {
            model = ModelOpener.open(o.model()); // value_info filled; ShapeTable reads every shape through graph.typeOf
            if (o.pipeline() != null) return simulate(model, o);
            graph = SimulationService.workGraph(model.graph(), o.model().toString(), o.loopTrips());
        }
        return simulate(graph, model, o);
    }

    /**
     * Simulates a model the caller has opened (read, validated, shapes inferred): the NPU file and the
     * plan are each read once. {@code o.model()} names the model in errors and binds the plan.
     */
    public static Simulation simulate(Model opened, SimulateOptions o) throws StudioException {
        if (o.pipeline() != null) return simulate(null, opened, o);
        return simulate(SimulationService.workGraph(opened.graph(), o.model().toString(), o.loopTrips()), opened, o);
    }

    /** {@code graph} null: compile {@code model} with {@code o.pipeline()} and cost what it compiles to. */
    private static Simulation simulate(WorkGraph graph, Model model, SimulateOptions o) throws StudioException {
        List<String> warnings = new ArrayList<>();
        Device npu = npuOf(o.npu(), DeviceConfigReader.readAny(o.npu(), warnings));
        PlanFiles.Opened opened = o.plan() == null ? null : readPlan(o.plan(), model, o.model(), warnings);
        Plan plan = opened == null ? null : opened.plan();
        Path planDir = o.plan() == null ? null : o.plan().toAbsolutePath().getParent();
        String planSource = o.plan() == null ? null : o.plan().toString();
        SimulationResult r;
        if (graph == null) {
            if (o.hostProfile() != null) warnings.add(o.hostProfile() + ": measured host costs time the nodes as written; as compiled the CPU nodes are modelled");
            r = SimulationService.simulateCompiled(model, o.model().toString(), o.pipeline(), npu, plan, planDir, o.fuse(), planSource, warnings, o.loopTrips());
        } else {
            HostCosts host = o.hostProfile() == null ? HostCosts.NONE
                    : HostCosts.bind(HostProfileJson.read(o.hostProfile()), o.hostProfile().toString(), graph, ModelRef.of(o.model()), warnings);
            r = SimulationService.simulate(graph, npu, plan, planDir, o.fuse(), planSource, warnings, host);
        }
        // An assignment plan places nodes on devices but has no partitions of its own: reports group by device, as without a plan.
        boolean partitioned = opened != null && opened.format() != PlanFiles.Format.ASSIGNMENT;
        return new Simulation(r, npu.npu(), partitioned ? plan : null);
    }

    private static Device npuOf(Path file, Device d) throws StudioException {
        if (!d.isNpu()) throw new StudioException(file.toString(), "kind", "--npu needs an NPU description, this is a CPU");
        return d;
    }

    /**
     * A plan file in any format, through the one plan reader (NEST-C plans bound to the model by node name);
     * its warnings are added to {@code warnings}, each naming the file once.
     */
    private static PlanFiles.Opened readPlan(Path file, Model model, Path modelPath, List<String> warnings) throws StudioException {
        PlanFiles.Opened opened = PlanFiles.read(file, model == null ? null : model.graph(),
                model == null || modelPath == null ? null : ModelRef.of(modelPath));
        String prefix = file + ": ";
        for (String w : opened.warnings()) warnings.add(w.startsWith(prefix) ? w : prefix + w);
        return opened;
    }

    /** The work graph of an ONNX model or SCALE-Sim topology file (tests and probes). */
    static WorkGraph readModel(Path model) throws StudioException {
        String name = model.getFileName().toString();
        if (name.toLowerCase().endsWith(".csv")) return TopologyWorkMapper.map(name.substring(0, name.length() - 4), TopologyReader.read(model));
        return SimulationService.workGraph(ModelOpener.open(model).graph(), model.toString(), Map.of());
    }

    private static void write(SimulationResult r, SimulateOptions o, NpuConfig npu, PrintStream out) throws StudioException {
        switch (o.format()) {
            case SCALESIM -> {
                Path dir = o.outputDir() != null ? o.outputDir() : Path.of(".");
                AtomicFiles.writeString(dir.resolve("COMPUTE_REPORT.csv"), ScaleSimReports.compute(r, npu));
                AtomicFiles.writeString(dir.resolve("DETAILED_ACCESS_REPORT.csv"), ScaleSimReports.access(r, npu));
                out.println("wrote " + dir.resolve("COMPUTE_REPORT.csv") + " and " + dir.resolve("DETAILED_ACCESS_REPORT.csv"));
            }
            case TABLE -> emit(TableReport.render(r), o, "simulation.txt", out);
            case CSV -> {
                emit(CsvReport.nodes(r), o, "simulation.csv", out);
                if (o.outputDir() != null) AtomicFiles.writeString(o.outputDir().resolve("schedule.csv"), CsvReport.schedule(r));
            }
            case JSON -> emit(JsonReport.render(r), o, "simulation.json", out);
        }
    }

    private static void emit(String text, SimulateOptions o, String fileName, PrintStream out) throws StudioException {
        if (o.outputDir() == null) {
            out.print(text.endsWith("\n") ? text : text + "\n");
            return;
        }
        AtomicFiles.writeString(o.outputDir().resolve(fileName), text);
        out.println("wrote " + o.outputDir().resolve(fileName));
    }
}
