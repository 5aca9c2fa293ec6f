package org.npustudio.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;
import org.npustudio.ir.Shape;
import org.npustudio.ir.ValueInfo;

/** Small hand-made graphs and large generated ones for plan tests. Node ids equal names; value = node id. */
final class PlanGraphs {
    private PlanGraphs() {}

    /** Adds node {@code id} of {@code op} reading the outputs of {@code inputs} (or graph input x). */
    static Node add(Graph g, String id, String op, String... inputs) {
        List<String> ins = inputs.length == 0 ? List.of("x") : List.of(inputs);
        Node n = new Node(id, id, op, "", ins, List.of(id));
        g.addNode(n);
        g.putValueInfo(ValueInfo.tensor(id, DataType.FLOAT, Shape.of(1, 8)));
        return n;
    }

    static Graph withInput(String name) {
        Graph g = new Graph(name);
        g.addInput(ValueInfo.tensor("x", DataType.FLOAT, Shape.of(1, 8)));
        return g;
    }

    /** a -> b -> d, a -> c -> d. */
    static Graph diamond() {
        Graph g = withInput("diamond");
        add(g, "a", "Conv");
        add(g, "b", "Relu", "a");
        add(g, "c", "Softmax", "a");
        add(g, "d", "Add", "b", "c");
        g.addOutput(ValueInfo.tensor("d", DataType.FLOAT, Shape.of(1, 8)));
        return g;
    }

    /**
     * A layered network of {@code n} nodes: each node reads its predecessor and, now and then, a node up
     * to 20 back (residual-like skips), with a mix of op types; deterministic for a seed.
     */
    static Graph large(int n, long seed) {
        Random r = new Random(seed);
        String[] ops = {"Conv", "Relu", "Add", "MaxPool", "Softmax", "Reshape", "Gemm"};
        Graph g = withInput("large");
        for (int i = 0; i < n; i++) {
            List<String> ins = new ArrayList<>();
            ins.add(i == 0 ? "x" : "n" + (i - 1));
            if (i > 20 && r.nextInt(4) == 0) ins.add("n" + (i - 2 - r.nextInt(18)));
            add(g, "n" + i, ops[r.nextInt(ops.length)], ins.toArray(String[]::new));
        }
        g.addOutput(ValueInfo.tensor("n" + (n - 1), DataType.FLOAT, Shape.of(1, 8)));
        return g;
    }

    /** Contiguous chunks of a topological order: always convex. */
    static Plan chunks(Graph g, int parts, Device... devices) {
        List<Node> order = g.topologicalOrder();
        Plan plan = Plan.empty(ModelRef.UNKNOWN, List.of(devices), devices[devices.length - 1].name());
        int per = (order.size() + parts - 1) / parts;
        for (int k = 0; k * per < order.size(); k++) {
            List<NodeRef> members = order.subList(k * per, Math.min(order.size(), (k + 1) * per)).stream().map(NodeRef::of).toList();
            plan = plan.createPartition("p" + k, devices[k % devices.length].name(), members);
        }
        return plan;
    }

    static Device cpu() { return Device.of("cpu", DeviceKind.CPU, 0); }

    static Device npu(String... ops) {
        return Device.of("npu", DeviceKind.NPU, 0).withSupport(new java.util.LinkedHashSet<>(List.of(ops)), java.util.Set.of());
    }
}
