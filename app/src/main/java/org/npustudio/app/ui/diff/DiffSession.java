package org.npustudio.app.ui.diff;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.npustudio.diff.NodeDiff;
import org.npustudio.diff.NodeState;
import org.npustudio.graphview.layout.LayoutMonitor;
import org.npustudio.graphview.scene.LaidOutScene;
import org.npustudio.graphview.scene.SceneBuilder;
import org.npustudio.graphview.scene.StableSceneBuilder;
import org.npustudio.ir.Model;
import org.npustudio.passes.PassRecord;
import org.npustudio.passes.PipelineResult;
import org.npustudio.passes.Snapshot;

/**
 * What the pass diff view shows: the steps (passes, or one comparison) and their layouts. Layouts form
 * a chain: each snapshot is laid out against the one before it, so nodes a pass leaves alone keep their
 * places from pass to pass (and the second model of a comparison is laid out against the first, its
 * nodes keyed by their matches). Layout methods run on a worker thread; they are synchronized.
 */
public final class DiffSession {
    private final String title;
    private final List<DiffStep> steps;
    private final List<Model> chain;
    private final String failure;
    private final PipelineResult result;
    private final Map<Model, LaidOutScene> scenes = new IdentityHashMap<>();
    private final Map<DiffStep, LaidOutScene> mergedScenes = new IdentityHashMap<>();
    private SceneBuilder.Settings settings = SceneBuilder.Settings.defaults();

    private DiffSession(String title, List<DiffStep> steps, List<Model> chain, String failure, PipelineResult result) {
        this.title = title;
        this.steps = List.copyOf(steps);
        this.chain = List.copyOf(chain);
        this.failure = failure;
        this.result = result;
    }

    /** A pipeline run: one step per pass that ran, plus the failing pass when the pipeline stopped. */
    public static DiffSession ofPipeline(String modelName, String pipelineName, PipelineResult r) {
        List<DiffStep> steps = new ArrayList<>();
        List<Model> chain = new ArrayList<>();
        Model current = r.input().model();
        chain.add(current);
        for (PassRecord p : r.records()) {
            Snapshot s = p.snapshot();
            Model after = s == null ? current : s.model();
            // a pass its contract kept from running says why in the pass list
            String label = p.wasSkipped() ? p.pass() + " (skipped: " + p.skipped() + ")" : p.pass();
            steps.add(new DiffStep(DiffStep.Kind.PASS, p.step(), label, p.millis(), s != null, null, current, after));
            if (s != null) chain.add(after);
            current = after;
        }
        String failure = null;
        if (!r.succeeded()) {
            failure = r.failure().oneLine();
            steps.add(new DiffStep(DiffStep.Kind.FAILED, r.failure().step(), r.failure().pass(), 0, false, failure, current, current));
        }
        return new DiffSession(modelName + " · pipeline " + pipelineName, steps, chain, failure, r);
    }

    /** Two arbitrary models: one step, nodes matched structurally. */
    public static DiffSession ofModels(String nameA, Model a, String nameB, Model b) {
        DiffStep s = new DiffStep(DiffStep.Kind.COMPARISON, 0, nameA + " \u2192 " + nameB, 0, true, null, a, b);
        return new DiffSession(nameA + " vs " + nameB, List.of(s), List.of(a, b), null, null);
    }

    public String title() { return title; }

    public List<DiffStep> steps() { return steps; }

    /** The pipeline run this session shows (its final graph is what Compile saves), or null for a comparison. */
    public PipelineResult pipelineResult() { return result; }

    /** The pipeline's failure as one line, or null. */
    public String failure() { return failure; }

    public boolean isComparison() { return steps.size() == 1 && steps.get(0).kind() == DiffStep.Kind.COMPARISON; }

    public synchronized SceneBuilder.Settings settings() { return settings; }

    /** New settings (initializers, direction) drop every layout; the next request lays out again. */
    public synchronized void setSettings(SceneBuilder.Settings s) {
        if (s.equals(settings)) return;
        settings = s;
        scenes.clear();
        mergedScenes.clear();
    }

    /** The layout of a snapshot, laid out after (and against) the snapshots before it in the chain. */
    public synchronized LaidOutScene scene(Model m, LayoutMonitor monitor) {
        LaidOutScene done = scenes.get(m);
        if (done != null) return done;
        int at = indexOf(m);
        LaidOutScene previous = at > 0 ? scene(chain.get(at - 1), monitor) : null;
        UnaryOperator<String> keys = at == 0 ? null : isComparison() ? matchedKeys(steps.get(0)) : replacedKeys(stepTo(m));
        LaidOutScene s = StableSceneBuilder.build(m.graph(), settings, monitor, previous, keys);
        scenes.put(m, s);
        return s;
    }

    /** The merged graph of a step (ghosts included), laid out against the step's old graph. */
    public synchronized LaidOutScene mergedScene(DiffStep step, LayoutMonitor monitor) {
        LaidOutScene done = mergedScenes.get(step);
        if (done != null) return done;
        LaidOutScene old = scene(step.before(), monitor);
        UnaryOperator<String> keys = mergedKeys(step, isComparison() ? matchedKeys(step) : replacedKeys(step));
        LaidOutScene s = StableSceneBuilder.build(step.merged().graph(), settings, monitor, old, keys);
        mergedScenes.put(step, s);
        return s;
    }

    private int indexOf(Model m) {
        for (int i = 0; i < chain.size(); i++) if (chain.get(i) == m) return i;
        throw new IllegalArgumentException("not a snapshot of this session");
    }

    /** The changing step that produced snapshot {@code m}. */
    private DiffStep stepTo(Model m) {
        for (DiffStep s : steps) if (s.after() == m && s.changed()) return s;
        throw new IllegalStateException("no step produced this snapshot");
    }

    /**
     * Within a pipeline ids are kept, so keys compare as they are; a node a pass created (a fusion) takes
     * the key of the first node it replaced, so it is placed where that node was.
     */
    private static UnaryOperator<String> replacedKeys(DiffStep s) {
        return key -> {
            if (!key.startsWith("op:")) return null;
            String id = key.substring(3);
            if (s.before().graph().nodeById(id) != null) return null;
            NodeDiff d = s.diff().forNew(id);
            if (d == null || d.state() != NodeState.NEW) return null;
            for (String r : d.related()) if (s.before().graph().nodeById(r) != null) return "op:" + r;
            return null;
        };
    }

    /** The second model's layout keys in terms of the first's: a matched node takes its partner's key. */
    private static UnaryOperator<String> matchedKeys(DiffStep s) {
        return key -> {
            if (!key.startsWith("op:")) return null;
            String old = s.diff().forNew(key.substring(3)) == null ? null : s.diff().forNew(key.substring(3)).oldId();
            return old == null ? null : "op:" + old;
        };
    }

    /** Ghosts keep their old node's key; other nodes are keyed as {@code others} says. */
    private static UnaryOperator<String> mergedKeys(DiffStep s, UnaryOperator<String> others) {
        return key -> {
            if (!key.startsWith("op:")) return null;
            String old = s.merged().oldIdOf(key.substring(3));
            return old != null ? "op:" + old : others.apply(key);
        };
    }
}
