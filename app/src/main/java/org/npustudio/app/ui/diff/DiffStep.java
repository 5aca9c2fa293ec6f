package org.npustudio.app.ui.diff;

import java.util.List;
import org.npustudio.diff.IrTextDiff;
import org.npustudio.diff.ModelDiff;
import org.npustudio.diff.ModelDiffer;
import org.npustudio.diff.NodeDiff;
import org.npustudio.graphview.diff.MergedGraph;
import org.npustudio.ir.Model;

/**
 * One entry of the pass list: a pass of a pipeline (its time, whether it changed the graph, the graph
 * before and after it), the pass that failed (before = after = the last good snapshot), or the one step
 * of a two-model comparison. The diff, its IR text and the merged graph are computed on first use (off
 * the FX thread) and kept.
 */
public final class DiffStep {
    public enum Kind { PASS, FAILED, COMPARISON }

    private final Kind kind;
    private final int step;
    private final String name;
    private final double millis;
    private final boolean changed;
    private final String error;
    private final Model before;
    private final Model after;
    private ModelDiff diff;
    private List<IrTextDiff.Line> text;
    private MergedGraph merged;

    DiffStep(Kind kind, int step, String name, double millis, boolean changed, String error, Model before, Model after) {
        this.kind = kind;
        this.step = step;
        this.name = name;
        this.millis = millis;
        this.changed = changed;
        this.error = error;
        this.before = before;
        this.after = after;
    }

    public Kind kind() { return kind; }

    /** 1-based position in the pipeline (0 for a comparison). */
    public int step() { return step; }

    /** The pass name, or "A → B" for a comparison. */
    public String name() { return name; }

    public double millis() { return millis; }

    public boolean changed() { return changed; }

    /** Why the pass failed (naming pass and node), or null. */
    public String error() { return error; }

    public Model before() { return before; }

    public Model after() { return after; }

    /** Matched by stable id within a pipeline, structurally (names, then op type and neighbours) between two models. */
    public synchronized ModelDiff diff() {
        if (diff == null) diff = kind == Kind.COMPARISON ? ModelDiffer.models(before, after) : ModelDiffer.pipeline(before, after);
        return diff;
    }

    /** The diff if it has been computed already, else null (the FX thread must not pay for matching a large graph). */
    public synchronized ModelDiff diffIfComputed() { return diff; }

    public synchronized List<IrTextDiff.Line> irText() {
        if (text == null) text = IrTextDiff.of(before, after, diff());
        return text;
    }

    public synchronized MergedGraph merged() {
        if (merged == null) merged = MergedGraph.of(before.graph(), after.graph(), diff());
        return merged;
    }

    /** The node of the new graph standing for an old node: its match, else the first node that replaced it; or null. */
    public String newIdForOld(String oldId) {
        NodeDiff d = oldId == null ? null : diff().forOld(oldId);
        if (d == null) return null;
        if (d.newId() != null) return d.newId();
        return d.related().isEmpty() ? null : d.related().get(0);
    }

    /** The node of the old graph a new node stands for: its match, else the first node it replaced; or null. */
    public String oldIdForNew(String newId) {
        NodeDiff d = newId == null ? null : diff().forNew(newId);
        if (d == null) return null;
        if (d.oldId() != null) return d.oldId();
        for (String r : d.related()) if (diff().forOld(r) != null) return r;
        return null;
    }

    @Override
    public String toString() { return step + " " + name; }
}
