package org.npustudio.partition.editor.model;

import java.util.ArrayList;
import java.util.List;
import org.npustudio.analysis.OpCost;
import org.npustudio.analysis.OpCostModel;
import org.npustudio.ir.Graph;
import org.npustudio.ir.GraphIndex;
import org.npustudio.ir.Tensor;
import org.npustudio.plan.Partition;
import org.npustudio.plan.PartitionBoundary;
import org.npustudio.plan.PlanBinding;
import org.npustudio.plan.PlanIssue;
import org.npustudio.plan.ValidationReport;

/**
 * One row of the partitions panel: what a partition holds and costs.
 *
 * @param macs        multiply-accumulates of its nodes whose cost is known
 * @param macsPartial true when some member's MACs are unknown (a shape the cost model needs is missing)
 * @param paramBytes  bytes of the distinct initializers its nodes read and of the Constant weights it reads,
 *                    its own or copies (docs/partition-format.md, "Weights stay home")
 * @param inputBytes  bytes of its boundary inputs, -1 when a shape is not static (likewise outputs)
 * @param errors      error findings of the validator for this partition; {@link #firstError} the first one
 */
public record PartitionStats(String name, String device, String precision, boolean catchAll, int nodes, long macs,
                             boolean macsPartial, long paramBytes, int inputs, long inputBytes, int outputs, long outputBytes,
                             int errors, String firstError) {

    /** Per-node MACs of one graph, computed once (the graph does not change while a plan is edited). */
    public static final class Costs {
        private final long[] macs;

        public Costs(Graph graph) {
            GraphIndex idx = graph.index();
            OpCostModel model = new OpCostModel(graph);
            macs = new long[idx.size()];
            for (int i = 0; i < macs.length; i++) {
                OpCost c = model.cost(idx.node(i));
                macs[i] = c.macs().isPresent() ? c.macs().getAsLong() : -1;
            }
        }

        long macs(int node) { return macs[node]; }
    }

    /** Whether a member of partition k reads node i's value (else only other partitions' copies do). */
    private static boolean readHere(PlanBinding b, int k, int i) {
        for (String o : b.index().node(i).outputs()) {
            for (org.npustudio.ir.Node c : b.index().consumers(o)) if (b.partitionOf(b.index().indexOf(c)) == k) return true;
        }
        return false;
    }

    private static long constantBytes(org.npustudio.ir.Node n) {
        if (n == null || !n.opType().equals("Constant") || n.attribute("value") == null) return 0;
        Object v = n.attribute("value").value();
        return v instanceof Tensor t ? t.byteSize() : 0;
    }

    /** Rows for every partition of the binding, the catch-all last. */
    public static List<PartitionStats> of(PlanBinding b, ValidationReport report, Costs costs) {
        List<PartitionStats> rows = new ArrayList<>(b.partitionCount());
        Graph g = b.graph();
        for (int k = 0; k < b.partitionCount(); k++) {
            Partition p = b.partition(k);
            long macs = 0;
            boolean partial = false;
            for (int i : b.members(k)) {
                long m = costs.macs(i);
                if (m < 0) partial = true;
                else macs += m;
            }
            PartitionBoundary pb = PartitionBoundary.of(b, k);
            long params = 0;
            for (String init : pb.initializers()) {
                Tensor t = g.initializers().get(init);
                if (t != null) params += t.byteSize();
            }
            // weights written as Constant nodes (paddle2onnx): its own and the copies it carries
            for (int i : b.members(k)) if (b.weights().isWeight(i) && readHere(b, k, i)) params += constantBytes(b.index().node(i));
            for (String id : pb.copiedWeights()) params += constantBytes(g.nodeById(id));
            int errors = 0;
            String first = "";
            for (PlanIssue i : report.issues()) {
                if (!i.isError() || !i.partition().equals(p.name())) continue;
                if (errors++ == 0) first = i.message();
            }
            rows.add(new PartitionStats(p.name(), p.device(), p.precision(), k == b.restIndex(), b.members(k).length, macs,
                    partial, params, pb.inputs().size(), pb.inputBytes(), pb.outputs().size(), pb.outputBytes(), errors, first));
        }
        return rows;
    }
}
