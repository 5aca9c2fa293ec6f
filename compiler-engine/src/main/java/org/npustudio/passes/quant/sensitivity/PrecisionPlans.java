package org.npustudio.passes.quant.sensitivity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;
import org.npustudio.plan.Device;
import org.npustudio.plan.DeviceKind;
import org.npustudio.plan.ModelRef;
import org.npustudio.plan.NodeRef;
import org.npustudio.plan.Partition;
import org.npustudio.plan.Plan;
import org.npustudio.plan.PlanComments;
import org.npustudio.plan.Precision;

/**
 * A precision assignment (node id → precision) as a partition plan the user can edit: until plans carry a
 * precision per node, each run of consecutive nodes (topological order) at one precision becomes a partition
 * on the NPU with that precision. Non-layer nodes take the precision of the node their first input comes
 * from, as the cost estimate does. This is the one place that turns the assignment into a plan, so a writer
 * of per-node precisions can replace it.
 */
public final class PrecisionPlans {
    private PrecisionPlans() {}

    public static Plan plan(Graph g, Map<String, Precision> perLayer, Precision base, ModelRef model, String npuName) {
        Map<String, Precision> at = effective(g, perLayer, base);
        List<Partition> parts = new ArrayList<>();
        List<NodeRef> run = new ArrayList<>();
        Precision current = null;
        for (Node n : g.topologicalOrder()) {
            Precision p = at.get(n.id());
            if (p != current && !run.isEmpty()) {
                parts.add(partition(parts.size(), current, run, npuName));
                run = new ArrayList<>();
            }
            current = p;
            run.add(NodeRef.of(n));
        }
        if (!run.isEmpty()) parts.add(partition(parts.size(), current, run, npuName));
        Device npu = Device.of(npuName, DeviceKind.NPU, 0);
        Partition rest = Partition.of(Plan.DEFAULT_REST, npuName, List.of()).withPrecision(base.key());
        return new Plan(model, List.of(npu), rest, parts, List.of(), PlanComments.NONE);
    }

    /** Every node's precision: its own when listed, else its first input's producer's, else {@code base}. */
    public static Map<String, Precision> effective(Graph g, Map<String, Precision> perLayer, Precision base) {
        Map<String, Precision> at = new HashMap<>();
        for (Node n : g.topologicalOrder()) {
            Precision p = perLayer.get(n.id());
            if (p == null) {
                for (String in : n.inputs()) {
                    Node producer = in.isEmpty() ? null : g.producer(in);
                    if (producer != null) {
                        p = at.get(producer.id());
                        break;
                    }
                }
            }
            at.put(n.id(), p == null ? base : p);
        }
        return at;
    }

    private static Partition partition(int index, Precision p, List<NodeRef> nodes, String device) {
        return Partition.of("p" + index + "_" + p.key(), device, nodes).withPrecision(p.key());
    }
}
