package org.npustudio.partition.editor.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;
import org.npustudio.graphview.layout.LayoutMonitor;
import org.npustudio.graphview.scene.GraphScene;
import org.npustudio.graphview.scene.Overlay;
import org.npustudio.graphview.scene.SceneBuilder;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.Shape;
import org.npustudio.ir.ValueInfo;
import org.npustudio.partition.editor.model.ConvexSelection;
import org.npustudio.partition.editor.model.Models;
import org.npustudio.partition.editor.model.PlanEdit;
import org.npustudio.partition.editor.model.PlanEditor;
import org.npustudio.partition.editor.overlay.PartitionOverlay;
import org.npustudio.plan.ModelRef;
import org.npustudio.plan.NodeRef;
import org.npustudio.plan.Plan;
import org.npustudio.plan.yaml.PlanYamlWriter;

/**
 * What one edit costs in the partition editor (a main, not a test: it prints figures). An edit re-binds
 * the plan, validates it and recomputes the panel's statistics; then the overlay is rebuilt, resolved
 * against the scene (hull outlines included) and the YAML text rewritten. Medians (and minima) of warm
 * runs, on the MobileNetV2 sample and a synthetic 10,000-node graph with 200 partitions.
 */
public final class EditorBenchmark {
    public static void main(String[] args) {
        Model mobilenet = Models.sample("mobilenetv2");
        measure("MobileNetV2", mobilenet.graph(), 8);
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        measure("synthetic " + n, synthetic(n, 7), 200);
    }

    private static void measure(String name, Graph g, int parts) {
        long t0 = System.nanoTime();
        GraphScene scene = SceneBuilder.build(g, SceneBuilder.Settings.defaults(), LayoutMonitor.none());
        System.out.printf("%s: %d nodes, %d partitions (layout %.0f ms)%n", name, g.nodes().size(), parts, (System.nanoTime() - t0) / 1e6);
        List<Node> order = g.topologicalOrder();
        PlanEditor editor = new PlanEditor(g, ModelRef.UNKNOWN, Models.emptyPlan(ModelRef.UNKNOWN));
        Plan plan = editor.plan();
        int per = (order.size() + parts - 1) / parts;
        for (int k = 0; k * per < order.size(); k++) {
            List<NodeRef> m = order.subList(k * per, Math.min(order.size(), (k + 1) * per)).stream().map(NodeRef::of).toList();
            plan = plan.createPartition("p" + k, k % 2 == 0 ? "npu0" : "cpu", m);
        }
        editor.apply(new PlanEdit.ReplacePlan("chunks", plan));
        // Move the first node of p1 into p0 and back: each a full edit (bind, validate, statistics).
        NodeRef moved = NodeRef.of(order.get(per));
        report("  edit (bind + validate + stats)", i -> editor.apply(i % 2 == 0 ? new PlanEdit.AddNodes("p0", List.of(moved))
                : new PlanEdit.AddNodes("p1", List.of(moved))));
        report("  undo", i -> {
            editor.apply(new PlanEdit.Rename("p0", "q" + i));
            long s = System.nanoTime();
            editor.undo();
            lastNanos = System.nanoTime() - s;
        }, true);
        report("  overlay build", i -> PartitionOverlay.build(editor.binding(), editor.report()));
        Overlay o = PartitionOverlay.build(editor.binding(), editor.report());
        report("  overlay resolve incl. hulls", i -> o.resolve(scene));
        report("  YAML text", i -> PlanYamlWriter.write(editor.plan()));
        List<String> two = List.of(order.get(10).id(), order.get(order.size() - 10).id());
        report("  grow selection to convex closure", i -> ConvexSelection.grow(g, two));
    }

    private static long lastNanos;

    private static void report(String what, IntConsumer work) { report(what, work, false); }

    /** Median and minimum of 31 runs after 10 warm-ups; {@code self} means the work records its own time. */
    private static void report(String what, IntConsumer work, boolean self) {
        for (int i = 0; i < 10; i++) work.accept(i);
        double[] ms = new double[31];
        for (int i = 0; i < ms.length; i++) {
            long s = System.nanoTime();
            work.accept(i);
            ms[i] = (self ? lastNanos : System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("%-40s median %7.2f ms   min %7.2f ms%n", what, ms[ms.length / 2], ms[0]);
    }

    /** A layered network: each node reads its predecessor and now and then one up to 20 back (skips). */
    static Graph synthetic(int n, long seed) {
        Random r = new Random(seed);
        String[] ops = {"Conv", "Relu", "Add", "MaxPool", "Softmax", "Reshape", "Gemm"};
        Graph g = new Graph("synthetic");
        g.addInput(ValueInfo.tensor("x", DataType.FLOAT, Shape.of(1, 8)));
        for (int i = 0; i < n; i++) {
            List<String> ins = new ArrayList<>();
            ins.add(i == 0 ? "x" : "n" + (i - 1));
            if (i > 20 && r.nextInt(4) == 0) ins.add("n" + (i - 2 - r.nextInt(18)));
            g.addNode(new Node("n" + i, "n" + i, ops[r.nextInt(ops.length)], "", ins, List.of("n" + i)));
            g.putValueInfo(ValueInfo.tensor("n" + i, DataType.FLOAT, Shape.of(1, 8)));
        }
        g.addOutput(ValueInfo.tensor("n" + (n - 1), DataType.FLOAT, Shape.of(1, 8)));
        return g;
    }
}
