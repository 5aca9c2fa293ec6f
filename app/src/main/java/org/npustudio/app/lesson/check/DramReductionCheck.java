package org.npustudio.app.lesson.check;

import java.util.List;
import java.util.Set;
import org.npustudio.app.lesson.CheckContext;
import org.npustudio.app.lesson.CheckRule;
import org.npustudio.app.lesson.Measure;
import org.npustudio.app.lesson.MeasureType;
import org.npustudio.app.lesson.Measures;
import org.npustudio.app.lesson.Numbers;
import org.npustudio.error.StudioException;

/**
 * {@code dram_reduction_min}: DRAM bytes of the lesson's start state divided by those of the workspace (same
 * NPU file name, each state with its own model and plan), at least {@code factor}.
 */
public record DramReductionCheck(Measure measure, double factor) implements CheckRule {
    static DramReductionCheck parse(CheckParams p) throws StudioException {
        double f = p.number("factor");
        if (f <= 0) throw p.place("factor").error("factor must be positive");
        return new DramReductionCheck(MeasureCheck.simulated(MeasureType.DRAM_BYTES, p), f);
    }

    @Override public String describe() { return measure.describe() + " reduced at least " + Numbers.format(factor) + "×"; }

    @Override public List<Measure> measures() { return List.of(measure); }

    @Override public Set<String> artifacts() { return MeasureCheck.artifactsOf(measure); }

    @Override
    public Outcome evaluate(CheckContext ctx) throws StudioException {
        double before = Measures.compute(new Measure(measure.type(), measure.params(), measure.nodes(), Measure.On.START, measure.place()), ctx.work());
        double after = Measures.compute(measure, ctx.work());
        double reduction = after == 0 ? Double.POSITIVE_INFINITY : before / after;
        return Outcome.of(reduction >= factor, String.format(java.util.Locale.ROOT, "%s → %s bytes, %.2f×",
                Numbers.format(before), Numbers.format(after), reduction));
    }
}
