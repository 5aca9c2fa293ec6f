package org.npustudio.app.lesson.check;

import java.util.Set;
import org.npustudio.app.lesson.Workspaces;
import org.npustudio.app.lesson.WorkState;
import org.npustudio.error.StudioException;
import org.npustudio.plan.Plan;
import org.npustudio.plan.PlanBinding;

/** What the plan checks share: the workspace's plan, bound to its model. */
final class PlanChecks {
    static final Set<String> ARTIFACTS = Set.of(Workspaces.MODEL, Workspaces.PLAN);

    private PlanChecks() {}

    static PlanBinding bound(WorkState w) throws StudioException {
        Plan plan = w.plan();
        if (plan == null) throw new StudioException(w.where(Workspaces.PLAN), "", "missing; make or save a partition plan first");
        return PlanBinding.bind(plan, w.model().graph());
    }
}
