package org.npustudio.app.lesson.check;

import java.util.Set;
import org.npustudio.app.lesson.CheckContext;
import org.npustudio.app.lesson.CheckRule;
import org.npustudio.app.lesson.PlanMeasures;
import org.npustudio.error.StudioException;
import org.npustudio.plan.DeviceKind;
import org.npustudio.plan.PlanBinding;

/** {@code partition_count}: partitions holding at least one node (optionally on one device kind) against a value. */
public record PartitionCountCheck(Compare compare, long value, DeviceKind device) implements CheckRule {
    static PartitionCountCheck parse(CheckParams p) throws StudioException {
        String d = p.optText("device");
        DeviceKind kind = d == null ? null : DeviceKind.parse(d);
        if (d != null && kind == null) throw p.place("device").error("device is npu or cpu, not '" + d + "'");
        return new PartitionCountCheck(p.compare(), (long) p.number("value"), kind);
    }

    @Override
    public String describe() {
        return "partitions" + (device == null ? "" : " on the " + device.yamlName().toUpperCase()) + " " + compare.symbol() + " " + value;
    }

    @Override public Set<String> artifacts() { return PlanChecks.ARTIFACTS; }

    @Override
    public Outcome evaluate(CheckContext ctx) throws StudioException {
        PlanBinding b = PlanChecks.bound(ctx.work());
        int n = PlanMeasures.count(b, device);
        return Outcome.of(compare.holds(n, value), n + " partition" + (n == 1 ? "" : "s"));
    }
}
