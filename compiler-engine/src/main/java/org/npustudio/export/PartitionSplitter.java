package org.npustudio.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Graph;
import org.npustudio.ir.GraphIndex;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.legalize.FusedOps;
import org.npustudio.legalize.Legalizer;
import org.npustudio.legalize.RuleSet;
import org.npustudio.onnx.ModelLoadException;
import org.npustudio.onnx.OnnxReader;
import org.npustudio.onnx.OnnxWriter;
import org.npustudio.onnx.proto.OnnxProto;
import org.npustudio.passes.quant.QuantizationReport;
import org.npustudio.plan.NodeRef;
import org.npustudio.plan.Partition;
import org.npustudio.plan.PartitionBoundary;
import org.npustudio.plan.PartitionGraph;
import org.npustudio.plan.Plan;
import org.npustudio.plan.Precision;
import org.npustudio.plan.PlanBinding;
import org.npustudio.plan.PlanIssue;
import org.npustudio.plan.PlanValidator;
import org.npustudio.plan.ValidationReport;
import org.npustudio.shape.ShapeInference;

/**
 * Cuts a model into one standalone ONNX model per partition, in execution order. The model is copied
 * and legalized first (the original is untouched); nodes a legalization rule creates join the partition
 * of the node they replace (their provenance). A plan that is not structurally legal (non-convex
 * partition, cycle between partitions, node listed twice, undefined device) is refused with the reason;
 * what a device cannot run is only reported, as the vendor compiler decides that.
 */
public final class PartitionSplitter {
    /** The passes' expansions plus dropping NPU Studio's own attributes, which runtimes refuse. */
    private static final RuleSet RULES = RuleSet.FUSED_OPS.with(new DropInternalAttributes());

    private static final Set<PlanIssue.Kind> BLOCKING = Set.of(PlanIssue.Kind.NON_CONVEX, PlanIssue.Kind.PARTITION_CYCLE,
            PlanIssue.Kind.DUPLICATE_NODE, PlanIssue.Kind.UNKNOWN_DEVICE);

    /**
     * @param reference the legalized whole model, what the partitions together must compute
     * @param pieces    non-empty partitions in execution order
     * @param warnings  plan findings that do not block export (unknown nodes, unsupported ops…)
     * @param quantization the layers quantized where the plan chose a precision, or null when it chose none
     */
    public record Split(OnnxProto.ModelProto reference, List<PartitionModel> pieces, List<Legalizer.Rewrite> rewrites,
                        List<String> warnings, QuantizationReport quantization) {}

    private PartitionSplitter() {}

    /** Makes sure this class's legalization rules are registered (docs/legalizer.md lists them). */
    public static void registerRules() {
        // the static initializer does the work
    }

    public static Split split(Model model, Plan plan) throws StudioException {
        ValidationReport report = PlanValidator.validate(PlanBinding.bind(plan, model.graph()), null);
        for (PlanIssue i : report.errors()) {
            if (BLOCKING.contains(i.kind())) throw new StudioException("plan", i.partition().isEmpty() ? "" : "partition " + i.partition(),
                    "cannot export: " + i.message());
        }
        List<String> warnings = new ArrayList<>();
        for (PlanIssue i : report.issues()) if (!BLOCKING.contains(i.kind())) warnings.add(i.toString());

        Model copy = copyOf(model);
        List<Legalizer.Rewrite> rewrites = Legalizer.legalize(copy, RULES);
        for (Node n : copy.graph().nodes()) {
            if (FusedOps.DOMAIN.equals(n.domain())) {
                throw new StudioException("export", "node " + n.id(), "is still " + n.domain() + "." + n.opType()
                        + " after legalization: no registered rule rewrites it to standard ONNX");
            }
        }
        // QDQ only where the plan chose an integer precision; its nodes join the partition of the layer they feed
        Map<String, Precision> chosen = PlanQuantization.chosen(plan, model.graph());
        QuantizationReport quantization = PlanQuantization.apply(copy, chosen, warnings);
        // preparing for quantization (opset lift, folding) changes the copy even when no layer ends up quantized
        if (!rewrites.isEmpty() || !chosen.isEmpty()) ShapeInference.infer(copy);
        Plan expanded = expand(plan, model.graph(), copy.graph());
        PlanBinding b = PlanBinding.bind(expanded, copy.graph());
        PartitionGraph pg = PartitionGraph.of(b);
        if (!pg.isAcyclic()) throw new StudioException("export", "", "the legalized model's partitions depend on each other in a cycle");

        OnnxProto.ModelProto full = OnnxWriter.toProto(copy, true);
        List<OnnxProto.NodeProto> nodeProtos = full.getGraph().getNodeList();
        if (nodeProtos.size() != copy.graph().nodes().size()) throw new IllegalStateException("node protos do not line up with nodes");
        Map<String, OnnxProto.ValueInfoProto> types = valueInfos(full.getGraph());
        Map<String, OnnxProto.TensorProto> inits = new HashMap<>();
        for (OnnxProto.TensorProto t : full.getGraph().getInitializerList()) inits.put(t.getName(), t);
        int[] topo = b.index().topologicalOrder();
        int[] pos = new int[topo.length];
        for (int i = 0; i < topo.length; i++) pos[topo[i]] = i;

        List<Integer> order = new ArrayList<>();
        for (int k : pg.executionOrder()) if (b.members(k).length > 0) order.add(k);
        Map<Integer, PartitionBoundary> boundaries = new HashMap<>();
        Set<String> untyped = new LinkedHashSet<>();
        for (int k : order) {
            PartitionBoundary boundary = PartitionBoundary.of(b, k);
            boundaries.put(k, boundary);
            for (var t : boundary.inputs()) if (!typed(types.get(t.name()))) untyped.add(t.name());
            for (var t : boundary.outputs()) if (!typed(types.get(t.name()))) untyped.add(t.name());
        }
        if (!untyped.isEmpty()) types.putAll(BoundaryTypes.fromOrt(full, untyped, copy.displayName()));

        Map<String, Integer> byId = new HashMap<>();
        for (int i = 0; i < b.index().size(); i++) byId.put(b.index().node(i).id(), i);
        List<PartitionModel> pieces = new ArrayList<>();
        for (int k : order) {
            PartitionBoundary boundary = boundaries.get(k);
            List<Integer> nodes = new ArrayList<>();
            for (int i : b.members(k)) nodes.add(i);
            for (String id : boundary.copiedWeights()) nodes.add(byId.get(id));
            nodes.sort((x, y) -> Integer.compare(pos[x], pos[y]));
            nodes = withoutUnusedWeights(nodes, b, boundary);
            if (nodes.isEmpty()) continue;
            OnnxProto.GraphProto.Builder g = OnnxProto.GraphProto.newBuilder().setName(b.name(k));
            Set<String> internal = new LinkedHashSet<>();
            Set<String> usedInits = new LinkedHashSet<>();
            for (int i : nodes) {
                Node n = b.index().node(i);
                // the index lists the graph's nodes in file order, as the proto does
                g.addNode(nodeProtos.get(i).toBuilder().setName(n.id()));
                for (String o : n.outputs()) if (!o.isEmpty()) internal.add(o);
                for (String v : PartitionBoundary.usedValues(n)) if (inits.containsKey(v)) usedInits.add(v);
            }
            List<String> ins = new ArrayList<>();
            for (var t : boundary.inputs()) {
                g.addInput(typed(types, t.name(), b.name(k)));
                ins.add(t.name());
            }
            List<String> outs = new ArrayList<>();
            for (var t : boundary.outputs()) {
                g.addOutput(typed(types, t.name(), b.name(k)));
                outs.add(t.name());
                internal.remove(t.name());
            }
            for (String init : usedInits) g.addInitializer(inits.get(init));
            for (String v : internal) if (types.containsKey(v)) g.addValueInfo(types.get(v));
            OnnxProto.ModelProto piece = full.toBuilder().setGraph(g).build();
            check(piece, b.name(k));
            Partition p = b.partition(k);
            pieces.add(new PartitionModel(p.name(), p.device(), piece, boundary, ins, outs, b.members(k).length));
        }
        return new Split(full, pieces, rewrites, warnings, quantization);
    }

    /** A deep copy that keeps node ids (every node is written named, so ids come back as names). */
    static Model copyOf(Model model) throws ModelLoadException {
        Model m = OnnxReader.read(OnnxWriter.toProto(model, true).toByteArray(), model.displayName(),
                model.source() == null ? null : model.source().toAbsolutePath().getParent());
        m.setSource(model.source());
        return m;
    }

    /**
     * The plan restated on the legalized (and quantized) copy: new nodes follow the node they came from; nodes
     * without provenance (the quantizer's QuantizeLinear/DequantizeLinear) join the partition of their first
     * consumer, resolved from the outputs backwards.
     */
    private static Plan expand(Plan plan, Graph original, Graph legal) throws StudioException {
        PlanBinding ob = PlanBinding.bind(plan, original);
        Map<String, Integer> partOfId = new HashMap<>();
        GraphIndex oi = ob.index();
        for (int i = 0; i < oi.size(); i++) partOfId.put(oi.node(i).id(), ob.partitionOf(i));
        List<List<NodeRef>> members = new ArrayList<>();
        for (int k = 0; k < plan.partitions().size(); k++) members.add(new ArrayList<>());
        int rest = plan.partitions().size();
        Map<String, Integer> partOfNew = new HashMap<>();
        List<Node> order = legal.topologicalOrder();
        for (int j = order.size() - 1; j >= 0; j--) {
            Node n = order.get(j);
            if (partOfId.containsKey(n.id()) || !n.provenance().isEmpty()) continue;
            for (String o : n.outputs()) {
                for (Node c : legal.consumers(o)) {
                    Integer k = partOfId.containsKey(c.id()) ? partOfId.get(c.id()) : partOfNew.get(c.id());
                    if (k != null) partOfNew.putIfAbsent(n.id(), k);
                }
            }
        }
        for (Node n : legal.nodes()) {
            Integer k = partOfId.get(n.id());
            if (k == null) {
                for (String src : n.provenance()) {
                    k = partOfId.get(src);
                    if (k != null) break;
                }
            }
            if (k == null) k = partOfNew.get(n.id());
            if (k == null) throw new StudioException("export", "node " + n.id(), "was created by legalization without provenance to a node of the plan");
            if (k != rest) members.get(k).add(new NodeRef(n.id(), n.name()));
        }
        List<Partition> ps = new ArrayList<>();
        for (int k = 0; k < rest; k++) ps.add(plan.partitions().get(k).withNodes(members.get(k)));
        return plan.withPartitions(ps);
    }

    private static Map<String, OnnxProto.ValueInfoProto> valueInfos(OnnxProto.GraphProto g) {
        Map<String, OnnxProto.ValueInfoProto> m = new HashMap<>();
        for (var v : g.getValueInfoList()) m.put(v.getName(), v);
        for (var v : g.getInputList()) m.put(v.getName(), v);
        for (var v : g.getOutputList()) m.put(v.getName(), v);
        return m;
    }

    /**
     * Drops weight nodes (in topological order) whose values nothing in the partition reads and that it
     * does not return: another partition holds its own copy.
     */
    private static List<Integer> withoutUnusedWeights(List<Integer> nodes, PlanBinding b, PartitionBoundary boundary) {
        Set<String> needed = new java.util.HashSet<>();
        for (var t : boundary.outputs()) needed.add(t.name());
        boolean[] keep = new boolean[nodes.size()];
        for (int j = nodes.size() - 1; j >= 0; j--) {
            Node n = b.index().node(nodes.get(j));
            keep[j] = !b.weights().isWeight(nodes.get(j)) || n.outputs().stream().anyMatch(needed::contains);
            if (keep[j]) needed.addAll(PartitionBoundary.usedValues(n));
        }
        List<Integer> out = new ArrayList<>();
        for (int j = 0; j < keep.length; j++) if (keep[j]) out.add(nodes.get(j));
        return out;
    }

    private static boolean typed(OnnxProto.ValueInfoProto v) {
        if (v == null || !v.hasType()) return false;
        OnnxProto.TypeProto t = v.getType();
        return !t.hasTensorType() || t.getTensorType().getElemType() != 0;
    }

    private static OnnxProto.ValueInfoProto typed(Map<String, OnnxProto.ValueInfoProto> types, String value, String partition)
            throws StudioException {
        OnnxProto.ValueInfoProto v = types.get(value);
        if (!typed(v)) {
            throw new StudioException("export", "partition " + partition, "the type of boundary tensor '" + value
                    + "' is unknown (neither shape inference nor ONNX Runtime could derive it), so it cannot be a graph input or output");
        }
        return v;
    }

    private static void check(OnnxProto.ModelProto piece, String partition) throws StudioException {
        try {
            OnnxReader.read(piece.toByteArray(), partition + ".onnx", null);
        } catch (ModelLoadException e) {
            throw new StudioException("export", "partition " + partition, "the partial model is not valid ONNX: " + e.getMessage(), e);
        }
    }
}
