package org.npustudio.app.lesson.check;

import java.util.List;
import java.util.Set;
import org.npustudio.app.lesson.CheckContext;
import org.npustudio.app.lesson.CheckRule;
import org.npustudio.app.lesson.Measures;
import org.npustudio.app.lesson.Workspaces;
import org.npustudio.error.StudioException;
import org.npustudio.plan.Device;
import org.npustudio.plan.DeviceKind;
import org.npustudio.plan.PlanBinding;

/** {@code node_on_device}: the plan puts a named node on a device of the given kind. */
public record NodeOnDeviceCheck(String node, DeviceKind device) implements CheckRule {
    static NodeOnDeviceCheck parse(CheckParams p) throws StudioException {
        String d = p.text("device");
        DeviceKind kind = DeviceKind.parse(d);
        if (kind == null) throw p.place("device").error("device is npu or cpu, not '" + d + "'");
        return new NodeOnDeviceCheck(p.text("node"), kind);
    }

    @Override public String describe() { return node + " runs on the " + device.yamlName().toUpperCase(); }

    @Override public List<String> nodeNames() { return List.of(node); }

    @Override public Set<String> artifacts() { return PlanChecks.ARTIFACTS; }

    @Override
    public Outcome evaluate(CheckContext ctx) throws StudioException {
        PlanBinding b = PlanChecks.bound(ctx.work());
        int index = b.index().indexOf(Measures.node(ctx.work().model(), node, ctx.work().where(Workspaces.MODEL)));
        int k = b.partitionOf(index);
        Device d = b.device(k);
        String where = "in partition " + b.name(k) + (d == null ? "" : " on " + d.name() + " (" + d.kind().yamlName() + ")");
        return Outcome.of(d != null && d.kind() == device, where);
    }
}
