package org.npustudio.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.GraphIndex;
import org.npustudio.ir.Node;
import org.npustudio.onnx.OpaqueOps;

/**
 * Capability-based partitioning, as Glow's and ONNX Runtime's execution-provider partitioners do: every
 * node goes to the first accelerator (in device-list order) that can run it, else to the default device;
 * then one topological walk takes ready nodes of the current device for as long as there are any and only
 * switches device (closing the partition) when none is ready. Each partition is therefore a contiguous
 * chunk of one topological order — convex, and the partitions run in plan order — and it is only closed
 * when it cannot grow. Ties follow file order, so the result is deterministic. Weight nodes (a Constant and
 * what computes only from weights, {@link WeightNodes}) take no part in the walk: each joins the first
 * partition that reads it, as weights belong with the ops that use them.
 */
public final class AutoPartitioner {
    /**
     * @param mergeIslandsUpTo partitions of the default device with at most this many nodes are merged
     *                         into another partition of that device when the plan stays legal (0 = off)
     * @param namePrefix       partitions are named prefix0, prefix1, …
     */
    public record Options(int mergeIslandsUpTo, String namePrefix) {
        public static final Options DEFAULT = new Options(0, "p");

        public Options withMergeIslandsUpTo(int n) { return new Options(n, namePrefix); }
    }

    private AutoPartitioner() {}

    public static Plan partition(Graph graph, ModelRef model, List<Device> devices, String defaultDevice, Options options) {
        if (Plan.empty(model, devices, defaultDevice).device(defaultDevice) == null) {
            throw new IllegalArgumentException("no device named '" + defaultDevice + "'");
        }
        int[] dev = capabilityDevices(graph, devices, defaultDevice);
        Plan plan = fromRuns(graph, model, devices, defaultDevice, walkOrder(graph.index(), dev, devices.size()), dev,
                options.namePrefix());
        if (options.mergeIslandsUpTo() > 0) plan = mergeIslands(plan, graph, defaultDevice, options.mergeIslandsUpTo());
        return renumber(plan, graph, options.namePrefix());
    }

    private static int choose(Node node, Graph g, List<Device> devices, int deflt) {
        for (int d = 0; d < devices.size(); d++) {
            if (d != deflt && canRun(devices.get(d), node, g)) return d;
        }
        return deflt;
    }

    /** Whether a device's declared capabilities (op types, opaque ops, element types) allow this node. */
    public static boolean canRun(Device d, Node n, Graph g) {
        if (!d.runs(n.opType())) return false;
        // Nothing is known about an op without a schema, so only the host can be trusted to run it.
        if (d.kind() != DeviceKind.CPU && OpaqueOps.isOpaque(null, n)) return false;
        if (d.dataTypes().isEmpty()) return true;
        for (List<String> vs : List.of(n.inputs(), n.outputs())) {
            for (String v : vs) {
                if (v.isEmpty()) continue;
                DataType t = PlanValidator.elementType(g.typeOf(v));
                if (!d.acceptsType(t)) return false;
            }
        }
        return true;
    }

    /**
     * The capability assignment: per graph node (index of {@link Graph#index()}) the index of the device
     * it goes to, -1 for weight nodes.
     */
    public static int[] capabilityDevices(Graph graph, List<Device> devices, String defaultDevice) {
        GraphIndex idx = graph.index();
        int deflt = deviceIndex(devices, defaultDevice);
        WeightNodes w = WeightNodes.of(graph);
        int[] dev = new int[idx.size()];
        for (int i = 0; i < dev.length; i++) dev[i] = w.isWeight(i) ? -1 : choose(idx.node(i), graph, devices, deflt);
        return dev;
    }

    /**
     * The topological walk that keeps taking ready nodes of the current device and only switches device when
     * none is ready (ties in file order): the non-weight nodes (dev >= 0) in that order.
     */
    public static int[] walkOrder(GraphIndex idx, int[] dev, int deviceCount) {
        int n = idx.size();
        int[] indeg = new int[n];
        List<PriorityQueue<Integer>> ready = new ArrayList<>();
        for (int d = 0; d < deviceCount; d++) ready.add(new PriorityQueue<>());
        int runtime = 0;
        for (int i = 0; i < n; i++) {
            if (dev[i] < 0) continue;
            runtime++;
            for (int p : idx.predecessors(i)) if (dev[p] >= 0) indeg[i]++;
            if (indeg[i] == 0) ready.get(dev[i]).add(i);
        }
        int[] order = new int[runtime];
        int current = -1;
        for (int done = 0; done < runtime; done++) {
            if (current < 0 || ready.get(current).isEmpty()) {
                current = deviceOfFirstReady(ready);
                if (current < 0) throw new IllegalStateException("the graph has a cycle");
            }
            int i = ready.get(current).poll();
            order[done] = i;
            for (int s : idx.successors(i)) if (dev[s] >= 0 && --indeg[s] == 0) ready.get(dev[s]).add(s);
        }
        return order;
    }

    /**
     * A plan whose partitions are the maximal runs of one device along {@code order} (non-weight nodes,
     * a topological order), so each is convex and they run in plan order; weight nodes join the first
     * partition that reads them. {@code dev} holds device indices per graph node.
     */
    public static Plan fromRuns(Graph graph, ModelRef model, List<Device> devices, String defaultDevice, int[] order, int[] dev,
                                String prefix) {
        Plan empty = Plan.empty(model, devices, defaultDevice);
        GraphIndex idx = graph.index();
        List<Partition> parts = new ArrayList<>();
        List<NodeRef> members = new ArrayList<>();
        int current = -1;
        for (int i : order) {
            if (dev[i] != current && !members.isEmpty()) {
                parts.add(Partition.of(prefix + parts.size(), devices.get(current).name(), members));
                members = new ArrayList<>();
            }
            current = dev[i];
            members.add(NodeRef.of(idx.node(i)));
        }
        if (!members.isEmpty()) parts.add(Partition.of(prefix + parts.size(), devices.get(current).name(), members));
        return empty.withPartitions(withWeights(parts, idx, WeightNodes.of(graph), defaultDevice, prefix));
    }

    private static int deviceIndex(List<Device> devices, String name) {
        for (int d = 0; d < devices.size(); d++) if (devices.get(d).name().equals(name)) return d;
        throw new IllegalArgumentException("no device named '" + name + "'");
    }

    /**
     * Puts each weight node (dev -1 in the walk) into the earliest partition that reads its value, directly
     * or through other weight nodes, so no partition holds weights alone; other readers get copies on
     * export. Weights nothing reads (or only the model's outputs) join the last partition. Members are
     * listed in topological order.
     */
    private static List<Partition> withWeights(List<Partition> parts, GraphIndex idx, WeightNodes w, String defaultDevice,
                                               String prefix) {
        int n = idx.size();
        if (w.count() == 0) return parts;
        if (parts.isEmpty()) parts = List.of(Partition.of(prefix + 0, defaultDevice, List.of()));
        int[] home = new int[n];
        java.util.Arrays.fill(home, -1);
        java.util.Map<String, Integer> partOfId = new java.util.HashMap<>();
        for (int k = 0; k < parts.size(); k++) for (NodeRef r : parts.get(k).nodes()) partOfId.put(r.id(), k);
        for (int i = 0; i < n; i++) if (!w.isWeight(i)) home[i] = partOfId.get(idx.node(i).id());
        int[] topo = idx.topologicalOrder();
        for (int t = topo.length - 1; t >= 0; t--) {
            int i = topo[t];
            if (!w.isWeight(i)) continue;
            int best = Integer.MAX_VALUE;
            for (int s : idx.successors(i)) if (home[s] >= 0) best = Math.min(best, home[s]);
            home[i] = best == Integer.MAX_VALUE ? parts.size() - 1 : best;
        }
        List<List<NodeRef>> members = new ArrayList<>();
        for (int k = 0; k < parts.size(); k++) members.add(new ArrayList<>());
        for (int i : topo) members.get(home[i]).add(NodeRef.of(idx.node(i)));
        List<Partition> out = new ArrayList<>();
        for (int k = 0; k < parts.size(); k++) out.add(parts.get(k).withNodes(members.get(k)));
        return out;
    }

    private static int deviceOfFirstReady(List<PriorityQueue<Integer>> ready) {
        int best = -1;
        int bestNode = Integer.MAX_VALUE;
        for (int d = 0; d < ready.size(); d++) {
            Integer head = ready.get(d).peek();
            if (head != null && head < bestNode) {
                bestNode = head;
                best = d;
            }
        }
        return best;
    }

    /** Tries to fold each tiny default-device partition into the nearest same-device partition that keeps the plan legal. */
    private static Plan mergeIslands(Plan plan, Graph graph, String device, int maxNodes) {
        boolean changed = true;
        while (changed) {
            changed = false;
            List<Partition> ps = plan.partitions();
            for (int i = 0; i < ps.size() && !changed; i++) {
                Partition island = ps.get(i);
                if (!island.device().equals(device) || island.nodes().size() > maxNodes) continue;
                for (int j : nearest(ps, i, device)) {
                    Partition target = ps.get(j);
                    Plan merged = plan.merge(target.name(), island.name());
                    if (PartitionGraph.of(PlanBinding.bind(merged, graph)).isAcyclic()) {
                        plan = merged;
                        changed = true;
                        break;
                    }
                }
            }
        }
        return plan;
    }

    /** Indices of other partitions on {@code device}, nearest first (earlier before later at equal distance). */
    private static List<Integer> nearest(List<Partition> ps, int at, String device) {
        List<Integer> out = new ArrayList<>();
        for (int dist = 1; dist < ps.size(); dist++) {
            for (int j : new int[] {at - dist, at + dist}) {
                if (j >= 0 && j < ps.size() && ps.get(j).device().equals(device)) out.add(j);
            }
        }
        return out;
    }

    /** Puts partitions in execution order (a merge can move members earlier) and names them prefix0, prefix1, … */
    private static Plan renumber(Plan plan, Graph graph, String prefix) {
        PartitionGraph pg = PartitionGraph.of(PlanBinding.bind(plan, graph));
        List<Partition> out = new ArrayList<>();
        for (int k : pg.executionOrder()) {
            if (k < plan.partitions().size()) out.add(plan.partitions().get(k).withName(prefix + out.size()));
        }
        return plan.withPartitions(out);
    }
}
