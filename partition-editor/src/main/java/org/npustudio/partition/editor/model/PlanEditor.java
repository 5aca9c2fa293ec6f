package org.npustudio.partition.editor.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;
import org.npustudio.plan.ModelRef;
import org.npustudio.plan.NodeRef;
import org.npustudio.plan.Plan;
import org.npustudio.plan.PlanBinding;
import org.npustudio.plan.PlanValidator;
import org.npustudio.plan.ValidationReport;

/**
 * The editing model of the partition editor, free of JavaFX: the current plan of one model, unlimited
 * undo/redo, the dirty flag, and the plan re-validated after every change (binding, validator report and
 * per-partition statistics are recomputed together, so views never see them disagree). Listeners run
 * after each change on the caller's thread.
 */
public final class PlanEditor {
    private final Graph graph;
    private final ModelRef model;
    private final PartitionStats.Costs costs;
    private final EditHistory history = new EditHistory();
    private final List<Runnable> listeners = new ArrayList<>();
    private final java.util.Map<String, Node> byId = new java.util.HashMap<>();
    private Plan plan;
    private PlanBinding binding;
    private ValidationReport report;
    private List<PartitionStats> stats;
    private long revision;

    /** Starts on {@code initial}, which counts as saved. */
    public PlanEditor(Graph graph, ModelRef model, Plan initial) {
        this.graph = graph;
        this.model = model == null ? ModelRef.UNKNOWN : model;
        this.costs = new PartitionStats.Costs(graph);
        for (Node n : graph.nodes()) byId.put(n.id(), n);
        history.clear(true);
        show(initial);
    }

    public Graph graph() { return graph; }

    /** The model actually open (file name and SHA-256). */
    public ModelRef model() { return model; }

    public Plan plan() { return plan; }

    public PlanBinding binding() { return binding; }

    public ValidationReport report() { return report; }

    /** Partitions panel rows, catch-all last. */
    public List<PartitionStats> stats() { return stats; }

    /** Increases with every change of the plan (edits, undo, redo, reset). */
    public long revision() { return revision; }

    public void addListener(Runnable r) { listeners.add(r); }

    /**
     * Applies an edit and records it for undo. An edit that changes nothing is not recorded.
     *
     * @throws IllegalArgumentException when the edit does not fit the plan; the plan is unchanged
     */
    public void apply(PlanEdit edit) {
        Plan before = plan;
        Plan after = edit.apply(before);
        if (after.equals(before)) return;
        history.push(new EditHistory.Step(edit, before, after));
        show(after);
    }

    public boolean canUndo() { return history.canUndo(); }

    public boolean canRedo() { return history.canRedo(); }

    /** Label of the edit Undo would revert, or null. */
    public String undoLabel() { return history.peekUndo() == null ? null : history.peekUndo().edit().label(); }

    public String redoLabel() { return history.peekRedo() == null ? null : history.peekRedo().edit().label(); }

    public void undo() { show(history.undo().before()); }

    public void redo() { show(history.redo().after()); }

    /** Number of edits recorded (undone ones included until a new edit drops them). */
    public int historySize() { return history.size(); }

    /**
     * Starts over on another plan (new, opened or recovered): the history is cleared. {@code saved} says
     * whether that plan is what is on disk (opened) or not (a new plan, a recovered autosave).
     */
    public void reset(Plan p, boolean saved) {
        history.clear(saved);
        show(p);
    }

    /** True when the plan differs from what was last saved or opened. */
    public boolean isDirty() { return !history.atSaved(); }

    public void markSaved() {
        history.markSaved();
        fire();
    }

    /** Plan members for node ids of this graph; ids that are not nodes (inputs, weights) are skipped. */
    public List<NodeRef> refs(Collection<String> nodeIds) {
        List<NodeRef> out = new ArrayList<>(nodeIds.size());
        for (String id : nodeIds) {
            Node n = byId.get(id);
            if (n != null) out.add(NodeRef.of(n));
        }
        return out;
    }

    private void show(Plan p) {
        plan = p;
        binding = PlanBinding.bind(p, graph);
        report = PlanValidator.validate(binding, model);
        stats = List.copyOf(PartitionStats.of(binding, report, costs));
        revision++;
        fire();
    }

    private void fire() {
        for (Runnable r : List.copyOf(listeners)) r.run();
    }
}
