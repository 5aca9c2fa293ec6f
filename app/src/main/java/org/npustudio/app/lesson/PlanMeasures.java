package org.npustudio.app.lesson;

import java.nio.file.Path;
import org.npustudio.error.StudioException;
import org.npustudio.plan.AutoPartitioner;
import org.npustudio.plan.DeviceKind;
import org.npustudio.plan.ModelRef;
import org.npustudio.plan.PlanBinding;
import org.npustudio.plan.Plan;
import org.npustudio.plan.yaml.DevicesYaml;
import org.npustudio.npusim.sim.ScheduleEntry;
import org.npustudio.npusim.sim.SimulationResult;

/** The partition measures: how many partitions a plan has (the workspace's, or the capability plan), and its transfers. */
public final class PlanMeasures {
    private PlanMeasures() {}

    /** Partitions with members (of one device kind when {@code kind} is npu or cpu). */
    static double partitions(WorkState w, String devicesFile, String kind) throws StudioException {
        Plan plan;
        if (devicesFile == null) {
            plan = w.plan();
            if (plan == null) throw new StudioException(w.where(Workspaces.PLAN), "", "missing; make or save a partition plan first");
        } else {
            Path file = w.require(devicesFile);
            DevicesYaml.Loaded d = DevicesYaml.read(file);
            plan = AutoPartitioner.partition(w.model().graph(), ModelRef.of(w.require(Workspaces.MODEL)), d.devices(), d.defaultDevice(),
                    AutoPartitioner.Options.DEFAULT);
        }
        return count(PlanBinding.bind(plan, w.model().graph()), DeviceKind.parse(kind));
    }

    /** Partitions holding at least one node of the model (the catch-all included), on devices of {@code kind} (null: any). */
    public static int count(PlanBinding b, DeviceKind kind) {
        int n = 0;
        for (int k = 0; k < b.partitionCount(); k++) {
            if (b.members(k).length == 0) continue;
            if (kind != null && (b.device(k) == null || b.device(k).kind() != kind)) continue;
            n++;
        }
        return n;
    }

    /** Host-link transfers of a simulated schedule. */
    static double transfers(SimulationResult r) {
        return r.schedule().stream().filter(e -> e.kind() == ScheduleEntry.Kind.TRANSFER).count();
    }
}
