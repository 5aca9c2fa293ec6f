package org.npustudio.npusim.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.npusim.Dataflow;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.config.DeviceConfigReader;
import org.npustudio.npusim.config.NpuConfig;
import org.npustudio.npusim.config.SramConfig;
import org.npustudio.npusim.sim.NodeResult;
import org.npustudio.npusim.sim.SimulationResult;
import org.npustudio.npusim.sim.SimulationService;
import org.npustudio.npusim.sim.Totals;
import org.npustudio.npusim.sweep.SweepSpec.Axis;
import org.npustudio.npusim.sweep.SweepSpec.ModelSpec;
import org.npustudio.npusim.sweep.SweepSpec.PlanSpec;
import org.npustudio.npusim.work.GemmWork;
import org.npustudio.npusim.work.WorkGraph;
import org.npustudio.npusim.work.WorkNode;
import org.npustudio.onnx.ModelOpener;
import org.npustudio.plan.AutoPartitioner;
import org.npustudio.plan.ModelRef;
import org.npustudio.plan.Plan;
import org.npustudio.plan.Precision;
import org.npustudio.plan.yaml.DevicesYaml;
import org.npustudio.plan.yaml.PlanFiles;
import org.npustudio.shape.ShapeBinding;
import org.npustudio.yaml.YamlException;

/**
 * Prices design points: {@link #evaluate} takes a {@link SweepPoint} and returns its {@link SweepRow}, with
 * nothing shared between calls but what does not depend on the point — the base NPU and, per model, the
 * opened graph, its work graph (the mapping, the expensive part) and its plan — built once, on first use, and
 * safe to share between threads. A point the hardware cannot run (a buffer smaller than one tile, a precision
 * the NPU lacks) is an invalid row with the reason; a problem of the sweep itself (a model that does not
 * open, a parameter the base NPU has no buffer for) is a {@link StudioException}.
 */
public final class SweepEvaluator {
    /** The file of a bundled sample model (built and written on demand by the caller's sample library). */
    @FunctionalInterface
    public interface SampleResolver {
        Path file(String sample) throws StudioException;
    }

    /**
     * Makes the plan of one point from the point's NPU ({@code plan: optimised}): the cost optimiser
     * ({@code optimise.SweepPlans}); a caller that passes none refuses such a sweep on reading.
     */
    @FunctionalInterface
    public interface PlanOptimiser {
        Plan optimise(Graph inferred, WorkGraph work, NpuConfig npu) throws StudioException;
    }

    /** One model as every point shares it. {@code depthwise} marks the work nodes that are depthwise convolutions. */
    private record Prepared(Graph graph, WorkGraph work, boolean[] depthwise, Plan plan, Path planDir) {}

    private final SweepSpec spec;
    private final NpuConfig base;
    private final SampleResolver samples;
    private final PlanOptimiser optimiser;
    private final Map<String, Prepared> models = new ConcurrentHashMap<>();

    public SweepEvaluator(SweepSpec spec, SampleResolver samples, PlanOptimiser optimiser) throws StudioException {
        this.spec = spec;
        this.samples = samples;
        this.optimiser = optimiser;
        List<String> warnings = new ArrayList<>();
        Device d = DeviceConfigReader.readAny(Path.of(spec.npuFile()), warnings);
        if (!d.isNpu()) throw new StudioException(spec.source(), "npu", spec.npuFile() + " describes a CPU; a sweep varies an NPU");
        this.base = d.npu();
        for (Axis a : spec.axes()) checkBuffers(a);
        if (spec.plan().kind() == PlanSpec.Kind.OPTIMISED && optimiser == null) {
            throw new YamlException(spec.source(), spec.plan().line(), 1, "plan",
                    "plan: optimised needs the cost optimiser (partition auto --strategy cost), which this build does not have; use none, fixed or capability");
        }
    }

    public SweepSpec spec() { return spec; }

    public NpuConfig base() { return base; }

    /** Opens every model now (the first points then do not wait for it, and a model that does not open fails the sweep at once). */
    public void prepareAll() throws StudioException {
        for (ModelSpec m : spec.models()) prepared(m.name());
    }

    public SweepRow evaluate(SweepPoint p) {
        NpuConfig npu;
        try {
            npu = configure(p.values());
        } catch (IllegalArgumentException e) {
            return SweepRow.invalid(p, e.getMessage());
        }
        try {
            Prepared m = prepared(p.model());
            Plan plan = spec.plan().kind() == PlanSpec.Kind.OPTIMISED ? optimiser.optimise(m.graph(), m.work(), npu) : m.plan();
            SimulationResult r = SimulationService.simulate(m.work(), Device.of(npu), plan, m.planDir(), null, "plan", List.of());
            return row(p, npu, r, m.work(), m.depthwise());
        } catch (StudioException e) {
            return SweepRow.invalid(p, e.oneLine());
        }
    }

    private static SweepRow row(SweepPoint p, NpuConfig npu, SimulationResult r, WorkGraph work, boolean[] depthwise) {
        Totals t = r.total();
        double seconds = t.makespanSeconds();
        double peak = npu.peakMacsPerSecond();
        long dwMacs = 0;
        double dwSeconds = 0;
        for (NodeResult n : r.nodes()) {
            int i = work.indexOf(n.id());
            if (i < 0 || !depthwise[i] || !n.onNpu() || !n.costed()) continue;
            dwMacs += n.macs();
            dwSeconds += n.latencySeconds();
        }
        return new SweepRow(p, true, "", seconds * 1e6, t.energyPj() * 1e-6, t.areaMm2(), t.dramBytes(),
                seconds > 0 ? t.macs() / (peak * seconds) : Double.NaN, dwSeconds > 0 ? dwMacs / (peak * dwSeconds) : Double.NaN,
                t.macs(), t.uncosted());
    }

    /** The base NPU with the point's values; an {@link IllegalArgumentException} says why the point cannot be built. */
    public NpuConfig configure(List<String> values) {
        double clock = base.clockMhz();
        int rows = base.rows();
        int cols = base.cols();
        Dataflow df = base.dataflow();
        SramConfig s = base.sram();
        double dram = base.dramBytesPerSecond();
        Precision precision = base.defaultPrecision();
        for (int i = 0; i < values.size(); i++) {
            Parameter p = spec.axes().get(i).parameter();
            String v = values.get(i);
            switch (p) {
                case ARRAY -> rows = cols = Integer.parseInt(v.trim());
                case ROWS -> rows = Integer.parseInt(v.trim());
                case COLS -> cols = Integer.parseInt(v.trim());
                case DATAFLOW -> df = Dataflow.parse(v);
                case SRAM_KB -> s = scaled(s, kib(v));
                case IFMAP_KB -> s = SramConfig.separate(kib(v), s.filterBytes(), s.ofmapBytes());
                case OFMAP_KB -> s = SramConfig.separate(s.ifmapBytes(), s.filterBytes(), kib(v));
                case FILTER_KB, WEIGHT_KB -> s = s.unified() ? SramConfig.unified(s.activationBytes(), kib(v))
                        : SramConfig.separate(s.ifmapBytes(), kib(v), s.ofmapBytes());
                case ACTIVATION_KB -> s = SramConfig.unified(kib(v), s.filterBytes());
                case DRAM_GBPS -> dram = Double.parseDouble(v.trim()) * 1e9;
                case CLOCK_MHZ -> clock = Double.parseDouble(v.trim());
                case PRECISION -> {
                    precision = Precision.parse(v);
                    if (!base.supports(precision)) {
                        throw new IllegalArgumentException("precision " + v + " is not among the NPU's precisions "
                                + base.precisions().stream().map(Precision::key).toList());
                    }
                }
            }
        }
        return base.edited(base.name(), clock, rows, cols, df, s, dram, precision);
    }

    /** All buffers together {@code total} bytes, split in the base NPU's proportions. */
    private SramConfig scaled(SramConfig current, long total) {
        SramConfig b = base.sram();
        double f = (double) total / b.totalBytes();
        if (b.unified()) return SramConfig.unified(Math.max(1, Math.round(b.activationBytes() * f)), Math.max(1, Math.round(b.filterBytes() * f)));
        return SramConfig.separate(Math.max(1, Math.round(b.ifmapBytes() * f)), Math.max(1, Math.round(b.filterBytes() * f)),
                Math.max(1, Math.round(b.ofmapBytes() * f)));
    }

    private static long kib(String v) {
        double kb = Double.parseDouble(v.trim());
        long bytes = Math.round(kb * 1024);
        if (bytes < 1) throw new IllegalArgumentException(v + " KiB is less than one byte");
        return bytes;
    }

    /** A buffer parameter must name a buffer the base NPU has (separate ifmap/ofmap, or a unified activation buffer). */
    private void checkBuffers(Axis a) throws YamlException {
        boolean unified = base.sram().unified();
        String problem = switch (a.parameter()) {
            case IFMAP_KB, OFMAP_KB -> unified ? a.parameter().key() + " needs separate buffers, but " + spec.npuFile()
                    + " has a unified activation buffer; use activation_kb" : null;
            case ACTIVATION_KB, WEIGHT_KB -> unified ? null : a.parameter().key() + " needs unified buffers, but " + spec.npuFile()
                    + " has separate ifmap/filter/ofmap buffers; use ifmap_kb, filter_kb, ofmap_kb";
            default -> null;
        };
        if (problem != null) throw new YamlException(spec.source(), a.line(), 1, "parameters." + a.parameter().key(), problem);
    }

    private Prepared prepared(String model) throws StudioException {
        Prepared p = models.get(model);
        if (p != null) return p;
        synchronized (models) {
            p = models.get(model);
            if (p == null) {
                p = prepare(spec.models().stream().filter(m -> m.name().equals(model)).findFirst()
                        .orElseThrow(() -> new StudioException(spec.source(), "models", "no model named '" + model + "'")));
                models.put(model, p);
            }
            return p;
        }
    }

    private Prepared prepare(ModelSpec m) throws StudioException {
        Path file = m.sample() != null ? samples.file(m.sample()) : Path.of(m.file());
        Model opened = ModelOpener.open(file, ShapeBinding.parse(m.inputShapes(), m.dims()));
        Graph g = opened.graph();
        WorkGraph work = SimulationService.workGraph(g, m.name(), Map.of());
        boolean[] dw = new boolean[work.size()];
        for (int i = 0; i < work.size(); i++) dw[i] = depthwise(work.node(i));
        PlanSpec ps = spec.plan();
        Plan plan = null;
        Path planDir = null;
        switch (ps.kind()) {
            case FIXED -> {
                Path f = Path.of(ps.file());
                plan = PlanFiles.read(f, g, ModelRef.of(file)).plan();
                planDir = f.getParent();
            }
            case CAPABILITY -> {
                Path f = Path.of(ps.file());
                DevicesYaml.Loaded devices = DevicesYaml.read(f);
                plan = AutoPartitioner.partition(g, ModelRef.of(file), devices.devices(), devices.defaultDevice(), AutoPartitioner.Options.DEFAULT);
                planDir = f.getParent();
            }
            case NONE, OPTIMISED -> { }
        }
        return new Prepared(g, work, dw, plan, planDir);
    }

    /** A grouped convolution with one input and one output channel per group: a GEMM with N = 1 repeated per group. */
    static boolean depthwise(WorkNode n) {
        return n.work() instanceof GemmWork w && n.opType().equals("Conv") && w.count() > 1 && w.gemm().n() == 1;
    }
}
