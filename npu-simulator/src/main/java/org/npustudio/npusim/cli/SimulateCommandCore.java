package org.npustudio.npusim.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.npustudio.error.StudioException;
import org.npustudio.io.AtomicFiles;
import org.npustudio.npusim.config.DeviceConfigReader;
import org.npustudio.npusim.config.NpuConfig;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.fusion.FusionMode;
import org.npustudio.npusim.scalesim.TopologyReader;
import org.npustudio.npusim.scalesim.TopologyWorkMapper;
import org.npustudio.npusim.sim.SimulationResult;
import org.npustudio.npusim.sim.SimulationService;
import org.npustudio.npusim.work.WorkGraph;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.plan.ModelRef;
import org.npustudio.plan.Plan;
import org.npustudio.plan.nestc.NestcPlanFormat;
import org.npustudio.plan.yaml.PlanFiles;
import org.npustudio.yaml.SafeYaml;
import org.npustudio.yaml.YamlNode;
import org.npustudio.onnx.ModelOpener;

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

    /** One run's result with the NPU it ran on and the partition plan it used (null when none, or the simulator's own plan YAML). */
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
            graph = SimulationService.workGraph(model.graph(), o.model().toString(), o.loopTrips());
        }
        return simulate(graph, model, o);
    }

    /**
     * Simulates a model the caller has opened (read, validated, shapes inferred): the NPU file and the
     * plan are each read once. {@code o.model()} names the model in errors and binds the plan.
     */
    public static Simulation simulate(Model opened, SimulateOptions o) throws StudioException {
        return simulate(SimulationService.workGraph(opened.graph(), o.model().toString(), o.loopTrips()), opened, o);
    }

    private static Simulation simulate(WorkGraph graph, Model model, SimulateOptions o) throws StudioException {
        List<String> warnings = new ArrayList<>();
        Device npu = npuOf(o.npu(), DeviceConfigReader.readAny(o.npu(), warnings));
        PlanFile plan = PlanFile.NONE;
        Plan partition = null;
        if (o.plan() != null) {
            PlanFiles.Opened opened = readPartitionPlan(o.plan(), model, o.model());
            if (opened == null) {
                plan = readSimulatorPlan(o.plan(), warnings);
            } else {
                partition = opened.plan();
                plan = adapt(o.plan(), opened, npu.npu(), warnings);
            }
        }
        SimulationResult r = SimulationService.simulate(graph, npu, plan, o.fuse(), o.plan() == null ? null : o.plan().toString(), warnings);
        return new Simulation(r, npu.npu(), partition);
    }

    private static Device npuOf(Path file, Device d) throws StudioException {
        if (!d.isNpu()) throw new StudioException(file.toString(), "kind", "--npu needs an NPU description, this is a CPU");
        return d;
    }

    /**
     * Simulates an open model (shapes already inferred) on {@code npu} with an optional partition plan.
     * Kept for callers of the earlier API; {@link SimulationService} is the entry point.
     */
    public static SimulationResult simulate(Graph inferred, NpuConfig npu, Plan plan, Path planDir, FusionMode fuse) throws StudioException {
        return SimulationService.simulate(inferred, npu, plan, planDir, new SimulationService.Options(fuse, Map.of()));
    }

    /**
     * A plan file in any format: a partition plan (ours or NEST-C's, bound to the model by node id or
     * name) or the simulator's device-assignment YAML (docs/npu-simulator.md), told apart by their keys.
     */
    static PlanFile readPlan(Path file, Model model, Path modelPath, NpuConfig npu, List<String> warnings) throws StudioException {
        PlanFiles.Opened opened = readPartitionPlan(file, model, modelPath);
        return opened == null ? readSimulatorPlan(file, warnings) : adapt(file, opened, npu, warnings);
    }

    private static PlanFile readSimulatorPlan(Path file, List<String> warnings) throws StudioException {
        PlanReader reader = new PlanReader();
        PlanFile plan = reader.read(file);
        warnings.addAll(reader.warnings());
        return plan;
    }

    private static PlanFile adapt(Path file, PlanFiles.Opened opened, NpuConfig npu, List<String> warnings) throws StudioException {
        for (String w : opened.warnings()) warnings.add(file + ": " + w);
        Path dir = file.toAbsolutePath().getParent();
        return StudioPlanAdapter.toPlanFile(opened.plan(), npu, dir, warnings);
    }

    /** The partition plan in {@code file} (ours or NEST-C's), or null when it is the simulator's assignment YAML. */
    public static PlanFiles.Opened readPartitionPlan(Path file, Model model, Path modelPath) throws StudioException {
        YamlNode doc = SafeYaml.read(file);
        boolean partitionPlan = doc.has("partitions") || doc.has("rest") || doc.has("model") || NestcPlanFormat.looksLikeNestc(doc);
        if (!partitionPlan) return null;
        return PlanFiles.read(file, model == null ? null : model.graph(), model == null || modelPath == null ? null : ModelRef.of(modelPath));
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
