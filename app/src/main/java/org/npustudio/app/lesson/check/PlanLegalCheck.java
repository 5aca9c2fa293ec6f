package org.npustudio.app.lesson.check;

import java.util.Set;
import org.npustudio.app.lesson.CheckContext;
import org.npustudio.app.lesson.CheckRule;
import org.npustudio.error.StudioException;
import org.npustudio.plan.PlanIssue;
import org.npustudio.plan.PlanValidator;
import org.npustudio.plan.ValidationReport;

/** {@code plan_legal}: {@link PlanValidator} finds no error in plan.yaml against model.onnx. */
public record PlanLegalCheck() implements CheckRule {
    @Override public String describe() { return "plan.yaml is legal for model.onnx"; }

    @Override public Set<String> artifacts() { return PlanChecks.ARTIFACTS; }

    @Override
    public Outcome evaluate(CheckContext ctx) throws StudioException {
        ValidationReport r = PlanValidator.validate(PlanChecks.bound(ctx.work()), null);
        if (r.isLegal()) return Outcome.of(true, "legal");
        PlanIssue first = r.errors().get(0);
        return Outcome.of(false, r.errors().size() + " error" + (r.errors().size() == 1 ? "" : "s") + ", first: " + first.message());
    }
}
