package org.npustudio.app.lesson.check;

import java.util.Map;
import java.util.Set;
import org.npustudio.app.lesson.CheckContext;
import org.npustudio.app.lesson.CheckRule;
import org.npustudio.app.lesson.Numbers;
import org.npustudio.app.lesson.Workspaces;
import org.npustudio.app.lesson.WorkState;
import org.npustudio.error.StudioException;
import org.npustudio.export.SanityChecker;
import org.npustudio.ir.Model;
import org.npustudio.ir.Tensor;
import org.npustudio.plan.Plan;
import org.npustudio.runtime.OrtRunner;

/**
 * {@code partitions_equal}: what {@code npustudio check} proves — plan.yaml's partitions, exported as standalone
 * models and chained by tensor name in ONNX Runtime, compute what the whole model.onnx computes, on seeded inputs
 * (bit for bit unless {@code atol} says otherwise).
 */
public record PartitionsEqualCheck(double atol, long seed) implements CheckRule {
    static PartitionsEqualCheck parse(CheckParams p) throws StudioException {
        return new PartitionsEqualCheck(p.nonNegative("atol", 0), p.whole("seed", 0));
    }

    @Override
    public String describe() {
        return "the exported partitions of plan.yaml compute what model.onnx computes " + (atol == 0 ? "bit for bit" : "within " + Numbers.format(atol));
    }

    @Override public Set<String> artifacts() { return PlanChecks.ARTIFACTS; }

    @Override
    public Outcome evaluate(CheckContext ctx) throws StudioException {
        WorkState w = ctx.work();
        Plan plan = w.plan();
        if (plan == null) throw new StudioException(w.where(Workspaces.PLAN), "", "missing; make or save a partition plan first");
        Model model = w.model();
        Map<String, Tensor> inputs = SanityChecker.inputs(model, Map.of(), seed);
        SanityChecker.Report r = SanityChecker.check(model, plan, inputs, OrtRunner.Options.DETERMINISTIC);
        for (SanityChecker.OutputDiff d : r.outputs()) {
            if (!d.within(atol)) return Outcome.of(false, "output '" + d.name() + "' differs by up to " + Numbers.format(d.maxAbs()));
        }
        return Outcome.of(true, r.partitions() + " partitions, " + (r.identical() ? "identical" : "within " + Numbers.format(atol)));
    }
}
