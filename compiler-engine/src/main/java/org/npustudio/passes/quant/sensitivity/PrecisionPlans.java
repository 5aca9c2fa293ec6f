package org.npustudio.passes.quant.sensitivity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
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
 * A precision assignment (node id → precision) as a partition plan the user can edit, in the per-node form
 * (docs/partition-format.md, "Precision"): the nodes the NPU runs, in as few partitions as stay convex (each
 * run of consecutive NPU nodes in topological order), each partition at its most common precision with a
 * {@code precisions:} entry for every node at another one. Each run of nodes the NPU cannot run is a partition on a
 * CPU device, so the plan simulates and exports as written (every partition convex, none left to the catch-all). Non-layer nodes take the precision of the node their first input
 * comes from (they move the tensors that node wrote). This is the one place that turns the assignment into a
 * plan: the exact cost model simulates what it writes.
 */
public final class PrecisionPlans {
    /** The CPU device of nodes the NPU cannot run (the generic host model when simulated). */
    public static final String CPU = "cpu";

    private PrecisionPlans() {}

    /** Every node on the NPU. */
    public static Plan plan(Graph g, Map<String, Precision> perLayer, Precision base, ModelRef model, String npuName) {
        return plan(g, perLayer, base, model, npuName, n -> true);
    }

    /** {@code onNpu}: whether the NPU runs a node; the others go to a {@value #CPU} device. */
    public static Plan plan(Graph g, Map<String, Precision> perLayer, Precision base, ModelRef model, String npuName, Predicate<Node> onNpu) {
        Map<String, Precision> at = effective(g, perLayer, base);
        List<Partition> parts = new ArrayList<>();
        List<Node> run = new ArrayList<>();
        int npuParts = 0, cpuParts = 0;
        Boolean runOnNpu = null;
        for (Node n : g.topologicalOrder()) {
            if (n.inputs().isEmpty() && runOnNpu != null) { // a Constant joins the current run: no path enters it, so it splits nothing
                run.add(n);
                continue;
            }
            boolean npu = onNpu.test(n);
            if (runOnNpu != null && npu != runOnNpu) {
                parts.add(runOnNpu ? partition("npu" + npuParts++, run, at, npuName) : cpuPartition("cpu" + cpuParts++, run));
                run = new ArrayList<>();
            }
            runOnNpu = npu;
            run.add(n);
        }
        if (!run.isEmpty()) parts.add(runOnNpu ? partition("npu" + npuParts++, run, at, npuName) : cpuPartition("cpu" + cpuParts++, run));
        if (npuParts == 1 && cpuParts == 0) parts.set(0, parts.get(0).withName("npu"));
        List<Device> devices = new ArrayList<>(List.of(Device.of(npuName, DeviceKind.NPU, 0)));
        if (cpuParts > 0) devices.add(Device.of(CPU, DeviceKind.CPU, 1));
        Partition rest = Partition.of(Plan.DEFAULT_REST, npuName, List.of()).withPrecision(base.key());
        return new Plan(model, devices, rest, parts, List.of(), PlanComments.NONE);
    }

    /** Nodes the NPU cannot run: on the CPU at its own precision (fp32), so nothing there is quantized on export. */
    private static Partition cpuPartition(String name, List<Node> nodes) {
        return Partition.of(name, CPU, nodes.stream().map(NodeRef::of).toList());
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

    /**
     * One partition at its nodes' most common precision (ties: the first in {@link Precision} order), the others
     * listed. Nodes without inputs (Constant) compute nothing: they neither count nor get an entry.
     */
    private static Partition partition(String name, List<Node> nodes, Map<String, Precision> at, String device) {
        List<Node> computing = nodes.stream().filter(n -> !n.inputs().isEmpty()).toList();
        Map<Precision, Integer> count = new EnumMap<>(Precision.class);
        for (Node n : computing) count.merge(at.get(n.id()), 1, Integer::sum);
        Precision common = count.entrySet().stream().max(Comparator.comparingInt(Map.Entry<Precision, Integer>::getValue)
                .thenComparing(e -> -e.getKey().ordinal())).map(Map.Entry::getKey).orElse(at.get(nodes.get(0).id()));
        Partition p = Partition.of(name, device, nodes.stream().map(NodeRef::of).toList()).withPrecision(common.key());
        Map<Precision, List<String>> others = new EnumMap<>(Precision.class);
        for (Node n : computing) if (at.get(n.id()) != common) others.computeIfAbsent(at.get(n.id()), k -> new ArrayList<>()).add(n.id());
        for (var e : others.entrySet()) p = p.withNodePrecision(e.getValue(), e.getKey().key());
        return p;
    }
}
