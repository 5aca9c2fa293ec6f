package org.npustudio.app.lesson.check;

import java.util.Set;
import java.util.TreeSet;
import org.npustudio.app.lesson.Answer;
import org.npustudio.app.lesson.CheckContext;
import org.npustudio.app.lesson.CheckRule;
import org.npustudio.app.lesson.Measures;
import org.npustudio.app.lesson.Numbers;
import org.npustudio.app.lesson.Prediction;
import org.npustudio.app.lesson.Question;
import org.npustudio.app.lesson.Step;
import org.npustudio.error.StudioException;

/**
 * {@code answer}: the step's recorded answer is right. Choice: exactly the correct options. Numeric: within
 * the tolerance of the lesson's number (the detail never tells it). Predict: within the tolerance of the
 * answer revealed when the prediction was committed (computed now when the workspace has none recorded).
 */
public record AnswerCheck() implements CheckRule {
    @Override public String describe() { return "the answer is right"; }

    @Override public Set<String> artifacts() { return Set.of(); }

    @Override
    public Outcome evaluate(CheckContext ctx) throws StudioException {
        Step step = ctx.step();
        Question q = step.question();
        if (q instanceof Question.Choice c) return choice(c, ctx.answers().answers().get(step.id()));
        if (q instanceof Question.Numeric n) return numeric(n, ctx.answers().answers().get(step.id()));
        if (q instanceof Question.Predict p) return predict(p, ctx.answers().predictions().get(step.id()), ctx);
        throw new IllegalStateException("answer check on a " + step.type().yamlName() + " step");
    }

    private static Outcome choice(Question.Choice c, Answer a) {
        if (a == null) return Outcome.of(false, "not answered yet");
        Set<String> given = new TreeSet<>(a.values());
        return Outcome.of(given.equals(c.correctIds()), "answered " + String.join(",", given));
    }

    private static Outcome numeric(Question.Numeric n, Answer a) {
        if (a == null || a.values().isEmpty()) return Outcome.of(false, "not answered yet");
        double v;
        try {
            v = Double.parseDouble(a.values().get(0).trim());
        } catch (NumberFormatException e) {
            return Outcome.of(false, "'" + a.values().get(0) + "' is not a number");
        }
        return Outcome.of(n.tolerance().accepts(n.answer(), v), "answered " + Numbers.format(v) + unit(n.unit()));
    }

    private static Outcome predict(Question.Predict q, Prediction p, CheckContext ctx) throws StudioException {
        if (p == null) return Outcome.of(false, "no prediction committed yet");
        double answer = p.revealed() != null ? p.revealed() : Measures.compute(q.measure(), ctx.work());
        return Outcome.of(q.tolerance().accepts(answer, p.value()), "predicted " + Numbers.format(p.value()) + unit(q.unit())
                + ", measured " + Numbers.format(answer) + unit(q.unit()) + " (tolerance " + q.tolerance() + ")");
    }

    private static String unit(String u) {
        return u == null || u.isEmpty() ? "" : " " + u;
    }
}
