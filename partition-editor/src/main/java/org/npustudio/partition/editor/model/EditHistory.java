package org.npustudio.partition.editor.model;

import java.util.ArrayList;
import java.util.List;
import org.npustudio.plan.Plan;

/**
 * Unlimited undo/redo: the edits applied so far with the plan before and after each. Plans share their
 * unchanged partitions, so keeping every version costs little. A new edit drops the redo tail.
 */
final class EditHistory {
    record Step(PlanEdit edit, Plan before, Plan after) {}

    private final List<Step> steps = new ArrayList<>();
    private int position;       // steps applied
    private int savedPosition;  // position when last saved; -1 when that state is gone

    void push(Step step) {
        if (savedPosition > position) savedPosition = -1;
        steps.subList(position, steps.size()).clear();
        steps.add(step);
        position++;
    }

    boolean canUndo() { return position > 0; }

    boolean canRedo() { return position < steps.size(); }

    Step undo() {
        if (!canUndo()) throw new IllegalStateException("nothing to undo");
        return steps.get(--position);
    }

    Step redo() {
        if (!canRedo()) throw new IllegalStateException("nothing to redo");
        return steps.get(position++);
    }

    /** The step Undo would revert, or null. */
    Step peekUndo() { return canUndo() ? steps.get(position - 1) : null; }

    /** The step Redo would apply again, or null. */
    Step peekRedo() { return canRedo() ? steps.get(position) : null; }

    void markSaved() { savedPosition = position; }

    /** True when the plan is the one last saved (the same point in the history). */
    boolean atSaved() { return savedPosition == position; }

    void clear(boolean saved) {
        steps.clear();
        position = 0;
        savedPosition = saved ? 0 : -1;
    }

    int size() { return steps.size(); }
}
