package org.npustudio.app.lesson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Model;
import org.npustudio.npusim.config.NpuConfig;
import org.npustudio.npusim.fusion.FusionMode;
import org.npustudio.npusim.sim.SimulationResult;
import org.npustudio.onnx.ModelOpener;
import org.npustudio.plan.ModelRef;
import org.npustudio.plan.Plan;
import org.npustudio.plan.yaml.PlanFiles;
import org.npustudio.shape.ShapeBinding;

/**
 * The work a check looks at: the artifact files of a student workspace, or the lesson's untouched start
 * files. Files are opened on first use and cached while their size and modification time stay the same,
 * so a long-lived session (the IDE) rereads what the student changed and nothing else. Not thread-safe:
 * one session, one thread at a time.
 */
public final class WorkState {
    private final Lesson lesson;
    private final Path workspace;   // null for the start state
    private final Map<String, Cached<Object>> cache = new HashMap<>();
    private WorkState start;

    private WorkState(Lesson lesson, Path workspace) {
        this.lesson = lesson;
        this.workspace = workspace;
    }

    /** The files of a workspace folder. */
    public static WorkState ofWorkspace(Lesson lesson, Path dir) {
        return new WorkState(lesson, dir);
    }

    /** The lesson's start files, read from the lesson folder (input shapes bound as {@code lesson start} does). */
    public static WorkState ofStart(Lesson lesson) {
        return new WorkState(lesson, null);
    }

    public Lesson lesson() { return lesson; }

    public boolean isStart() { return workspace == null; }

    /** The state of the lesson's start, for comparisons (ort_equal, dram_reduction_min) and {@code on: start}. */
    public WorkState start() {
        if (isStart()) return this;
        if (start == null) start = ofStart(lesson);
        return start;
    }

    /** Where an artifact is read from; null when this state has no such file. */
    public Path file(String name) {
        if (workspace != null) {
            Path p = workspace.resolve(name);
            return Files.isRegularFile(p) ? p : null;
        }
        return lesson.startFile(name).map(StartFile::source).orElse(null);
    }

    /** Like {@link #file} but a missing file is an error naming it. */
    public Path require(String name) throws StudioException {
        Path p = file(name);
        if (p == null) throw new StudioException(where(name), "", "missing; this step needs it");
        return p;
    }

    /** What to call an artifact in messages: {@code model.onnx} or {@code model.onnx (lesson start)}. */
    public String where(String name) {
        return isStart() ? name + " (lesson start)" : name;
    }

    /** The model, opened and shape-inferred. */
    public Model model() throws StudioException {
        Path p = require(Workspaces.MODEL);
        return cached("model", p, () -> ModelOpener.open(p, binding()));
    }

    /** The plan, or null when the state has no plan.yaml. */
    public Plan plan() throws StudioException {
        Path p = file(Workspaces.PLAN);
        if (p == null) return null;
        Model m = model();
        return cached("plan", p, () -> PlanFiles.read(p, m.graph(), isStart() ? null : ModelRef.of(require(Workspaces.MODEL))).plan());
    }

    /** An NPU description (normally npu.yaml; a lesson may name another of its files). */
    public NpuConfig npu(String name) throws StudioException {
        Path p = require(name);
        return cached("npu:" + name, p, () -> LessonSimulation.readNpu(p));
    }

    /** The simulation of the model (with the plan when there is one) on an NPU file, cached. */
    public SimulationResult simulate(String npuName, FusionMode fuse) throws StudioException {
        NpuConfig npu = npu(npuName);
        Model m = model();
        Plan plan = plan();
        Path planFile = file(Workspaces.PLAN);
        String key = "sim:" + npuName + ":" + fuse + ":" + stamp(require(Workspaces.MODEL)) + ":" + (planFile == null ? "" : stamp(planFile));
        return cached(key, require(npuName), () -> LessonSimulation.simulate(m, npu, plan, planFile == null ? null : planFile.getParent(), fuse));
    }

    /** Drops every cached file (the IDE calls this after writing one; changes are also noticed by size and time). */
    public void forget() {
        cache.clear();
        start = null;
    }

    private ShapeBinding binding() throws StudioException {
        if (!isStart()) return ShapeBinding.NONE;
        List<String> shapes = lesson.startFile(Workspaces.MODEL).map(StartFile::inputShapes).orElse(List.of());
        return shapes.isEmpty() ? ShapeBinding.NONE : ShapeBinding.parse(shapes, List.of());
    }

    private interface Load<T> {
        T load() throws StudioException;
    }

    private record Cached<T>(String stamp, T value) {}

    @SuppressWarnings("unchecked")
    private <T> T cached(String key, Path file, Load<T> load) throws StudioException {
        String stamp = stamp(file);
        Cached<Object> c = cache.get(key);
        if (c != null && c.stamp().equals(stamp)) return (T) c.value();
        T v = load.load();
        cache.put(key, new Cached<>(stamp, v));
        return v;
    }

    private static String stamp(Path p) {
        try {
            return p + "|" + Files.size(p) + "|" + Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return p + "|?";
        }
    }
}
