package org.npustudio.app.lesson.check;

import org.npustudio.app.lesson.CheckContext;
import org.npustudio.app.lesson.CheckRule;
import org.npustudio.app.lesson.Measures;
import org.npustudio.app.lesson.Numbers;
import org.npustudio.error.StudioException;

/** {@code node_count}, {@code no_op} and {@code op_present}: the main graph's node count (of one op type) against a value. */
public record NodeCountCheck(String op, Compare compare, long value) implements CheckRule {
    static NodeCountCheck nodeCount(CheckParams p) throws StudioException {
        return new NodeCountCheck(p.optText("op"), p.compare(), (long) p.number("value"));
    }

    static NodeCountCheck noOp(CheckParams p) throws StudioException {
        return new NodeCountCheck(p.text("op"), Compare.EQ, 0);
    }

    static NodeCountCheck opPresent(CheckParams p) throws StudioException {
        return new NodeCountCheck(p.text("op"), Compare.GE, p.whole("min", 1));
    }

    @Override
    public String describe() {
        String what = op == null ? "nodes" : op + " nodes";
        if (op != null && compare == Compare.EQ && value == 0) return "no " + op + " node";
        if (op != null && compare == Compare.GE && value == 1) return "at least one " + op + " node";
        return what + " " + compare.symbol() + " " + value;
    }

    @Override
    public Outcome evaluate(CheckContext ctx) throws StudioException {
        int n = Measures.count(ctx.work().model().graph(), op);
        return Outcome.of(compare.holds(n, value), Numbers.format(n) + (op == null ? " nodes" : " " + op + " node" + (n == 1 ? "" : "s")));
    }
}
