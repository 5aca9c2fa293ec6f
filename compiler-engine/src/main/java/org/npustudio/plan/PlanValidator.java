package org.npustudio.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.GraphIndex;
import org.npustudio.ir.Node;
import org.npustudio.ir.TypeInfo;
import org.npustudio.plan.PlanIssue.Kind;
import org.npustudio.plan.PlanIssue.Severity;

/**
 * Checks a plan against a model: members that name no node (warning), nodes listed twice, undefined
 * devices, convexity of every partition (with an offending path), an acyclic partition graph, and what
 * each device cannot run (op types, element types, precision). Linear in nodes + edges for legal plans.
 */
public final class PlanValidator {
    private static final int LISTED = 5;

    private PlanValidator() {}

    public static ValidationReport validate(Plan plan, Graph graph) {
        return validate(PlanBinding.bind(plan, graph), null);
    }

    /** As {@link #validate(Plan, Graph)}, also warning when the plan was made for another model file. */
    public static ValidationReport validate(PlanBinding b, ModelRef actualModel) {
        long t0 = System.nanoTime();
        List<PlanIssue> issues = new ArrayList<>();
        Plan plan = b.plan();
        if (actualModel != null && plan.model().conflictsWith(actualModel)) {
            issues.add(new PlanIssue(Severity.WARNING, Kind.MODEL_MISMATCH, "", List.of(),
                    "the plan was made for " + describe(plan.model()) + ", not " + describe(actualModel)
                            + "; members are matched by node id and name"));
        }
        for (PlanBinding.Unmatched u : b.unmatched()) {
            issues.add(new PlanIssue(Severity.WARNING, Kind.UNKNOWN_NODE, u.partition(), List.of(u.ref().id()),
                    "node '" + u.ref().displayName() + "' is not in the model (kept in the plan, ignored here)"));
        }
        for (PlanBinding.Duplicate d : b.duplicates()) {
            issues.add(new PlanIssue(Severity.ERROR, Kind.DUPLICATE_NODE, d.ignored(), List.of(d.nodeId()),
                    "node '" + d.nodeId() + "' is already in partition " + d.kept()));
        }
        for (int k = 0; k < b.partitionCount(); k++) {
            Partition p = b.partition(k);
            if (b.device(k) == null) {
                issues.add(new PlanIssue(Severity.ERROR, Kind.UNKNOWN_DEVICE, p.name(), List.of(),
                        p.device().isEmpty() ? "has no device" : "device '" + p.device() + "' is not defined in the plan"));
            }
            if (k != b.restIndex() && b.members(k).length == 0) {
                issues.add(new PlanIssue(Severity.WARNING, Kind.EMPTY_PARTITION, p.name(), List.of(), "has no nodes of this model"));
            } else if (k != b.restIndex() && weightsOnly(b, k)) {
                issues.add(new PlanIssue(Severity.WARNING, Kind.EMPTY_PARTITION, p.name(), List.of(),
                        "holds only weights (Constants), which go with the partitions that read them; nothing is exported for it"));
            }
        }
        PartitionGraph pg = PartitionGraph.of(b);
        List<String> order = new ArrayList<>();
        if (pg.isAcyclic()) {
            for (int k : pg.executionOrder()) order.add(b.name(k));
        } else {
            convexity(b, pg, issues);
        }
        capabilities(b, issues);
        return new ValidationReport(issues, order, System.nanoTime() - t0);
    }

    private static void convexity(PlanBinding b, PartitionGraph pg, List<PlanIssue> issues) {
        boolean any = false;
        for (int k : pg.unordered()) {
            int[] path = pg.nonConvexPath(k);
            if (path == null) continue;
            any = true;
            List<String> ids = new ArrayList<>();
            for (int i : path) ids.add(b.index().node(i).id());
            issues.add(new PlanIssue(Severity.ERROR, Kind.NON_CONVEX, b.name(k), ids,
                    "not convex: the path " + String.join(" -> ", ids) + " leaves the partition and re-enters it"));
        }
        if (!any) {
            List<String> names = new ArrayList<>();
            for (int k : pg.cycle()) names.add(b.name(k));
            names.add(names.get(0));
            issues.add(new PlanIssue(Severity.ERROR, Kind.PARTITION_CYCLE, "", names,
                    "the partitions depend on each other in a cycle: " + String.join(" -> ", names)));
        }
    }

    private static void capabilities(PlanBinding b, List<PlanIssue> issues) {
        GraphIndex idx = b.index();
        Graph g = b.graph();
        for (int k = 0; k < b.partitionCount(); k++) {
            Device d = b.device(k);
            if (d == null) continue;
            Partition p = b.partition(k);
            precisions(b, k, d, issues);
            if (d.supportedOps().isEmpty() && d.unsupportedOps().isEmpty() && d.dataTypes().isEmpty()) continue;
            Map<String, List<String>> badOps = new LinkedHashMap<>();
            Map<DataType, List<String>> badTypes = new LinkedHashMap<>();
            for (int i : b.members(k)) {
                // weights are folded into the partition by the device's compiler, whatever op computes them
                if (b.weights().isWeight(i)) continue;
                Node n = idx.node(i);
                String why = d.refusesOp(n.opType());
                if (why != null) badOps.computeIfAbsent(why, x -> new ArrayList<>()).add(n.id());
                if (d.dataTypes().isEmpty()) continue;
                for (List<String> values : List.of(n.inputs(), n.outputs())) {
                    for (String v : values) {
                        if (v.isEmpty()) continue;
                        DataType t = elementType(g.typeOf(v));
                        if (!d.acceptsType(t)) {
                            List<String> l = badTypes.computeIfAbsent(t, x -> new ArrayList<>());
                            if (l.isEmpty() || !l.get(l.size() - 1).equals(n.id())) l.add(n.id());
                        }
                    }
                }
            }
            for (Map.Entry<String, List<String>> e : badOps.entrySet()) {
                issues.add(new PlanIssue(Severity.ERROR, Kind.UNSUPPORTED_OP, p.name(), e.getValue(),
                        e.getKey() + ": " + listed(e.getValue())));
            }
            for (Map.Entry<DataType, List<String>> e : badTypes.entrySet()) {
                issues.add(new PlanIssue(Severity.ERROR, Kind.UNSUPPORTED_TYPE, p.name(), e.getValue(),
                        d.name() + " does not handle " + e.getKey().displayName() + " tensors: " + listed(e.getValue())));
            }
        }
    }

    /**
     * The partition's precision and each node's own: a key no one models is an error, and so is a precision the
     * device does not offer (one issue per precision, naming the nodes).
     */
    private static void precisions(PlanBinding b, int k, Device d, List<PlanIssue> issues) {
        Partition p = b.partition(k);
        String offers = " (it offers " + String.join(", ", d.precisions()) + ")";
        if (!p.precision().isEmpty() && Precision.parse(p.precision()) == null) {
            issues.add(new PlanIssue(Severity.ERROR, Kind.UNSUPPORTED_PRECISION, p.name(), List.of(),
                    "unknown precision '" + p.precision() + "' (use " + Precision.validKeys() + ")"));
        } else if (!d.acceptsPrecision(p.precision())) {
            issues.add(new PlanIssue(Severity.ERROR, Kind.UNSUPPORTED_PRECISION, p.name(), List.of(),
                    d.name() + " does not offer precision " + p.precision() + offers));
        }
        if (p.precisions().isEmpty()) return;
        Map<String, List<String>> bad = new LinkedHashMap<>();
        for (int i : b.members(k)) {
            String id = b.index().node(i).id();
            String key = p.precisions().get(id);
            if (key == null) continue;
            if (Precision.parse(key) == null) {
                bad.computeIfAbsent("unknown precision '" + key + "' (use " + Precision.validKeys() + ")", x -> new ArrayList<>()).add(id);
            } else if (!d.acceptsPrecision(key)) {
                bad.computeIfAbsent(d.name() + " does not offer precision " + key + offers, x -> new ArrayList<>()).add(id);
            }
        }
        for (Map.Entry<String, List<String>> e : bad.entrySet()) {
            issues.add(new PlanIssue(Severity.ERROR, Kind.UNSUPPORTED_PRECISION, p.name(), e.getValue(),
                    (e.getValue().size() == 1 ? "node " + e.getValue().get(0) : listed(e.getValue())) + ": " + e.getKey()));
        }
    }

    /** All members are weight nodes and none computes a model output. */
    private static boolean weightsOnly(PlanBinding b, int k) {
        java.util.Set<String> outs = new java.util.HashSet<>();
        b.graph().outputs().forEach(v -> outs.add(v.name()));
        for (int i : b.members(k)) {
            if (!b.weights().isWeight(i)) return false;
            for (String o : b.index().node(i).outputs()) if (outs.contains(o)) return false;
        }
        return true;
    }

    static DataType elementType(TypeInfo t) {
        return t instanceof TypeInfo.TensorType tt ? tt.elemType() : null;
    }

    private static String listed(List<String> ids) {
        String head = String.join(", ", ids.subList(0, Math.min(LISTED, ids.size())));
        return ids.size() + (ids.size() == 1 ? " node (" : " nodes (") + head + (ids.size() > LISTED ? ", …)" : ")");
    }

    private static String describe(ModelRef m) {
        return (m.file().isEmpty() ? "a model" : m.file()) + " (sha256 " + m.sha256().substring(0, Math.min(12, m.sha256().length())) + "…)";
    }
}
