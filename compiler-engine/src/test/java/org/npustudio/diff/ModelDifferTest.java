package org.npustudio.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.Tensor;
import org.npustudio.passes.G;
import org.npustudio.passes.ModelCopy;
import org.npustudio.passes.PassCheck;
import org.npustudio.passes.PipelineResult;

class ModelDifferTest {
    static Model convBnRelu() {
        G g = new G(17).input("x", 1, 3, 8, 8).output("y");
        g.weight("w", -0.5, 0.5, 4, 3, 3, 3).weight("b", -0.1, 0.1, 4);
        g.weight("gamma", 0.5, 1.5, 4).weight("beta", -0.2, 0.2, 4).weight("mean", -0.1, 0.1, 4).weight("var", 0.5, 1.5, 4);
        g.node("conv", "Conv", "x,w,b", "c", Attribute.of("pads", 1L, 1L, 1L, 1L));
        g.node("bn", "BatchNormalization", "c,gamma,beta,mean,var", "n");
        g.node("relu", "Relu", "n", "r");
        g.node("pool", "MaxPool", "r", "y", Attribute.of("kernel_shape", 2L, 2L));
        return g.build();
    }

    @Test
    void foldingThenFusingThreeNodesShowsThreeDeletedAndOneNewLinkedByProvenance() {
        Model m = convBnRelu();
        PipelineResult r = PassCheck.run(m, "fold-batchnorm", "fuse-activation");
        ModelDiff fold = ModelDiffer.pipeline(r.input().model(), r.records().get(0).snapshot().model());
        assertEquals("2 same, 1 changed, 0 new, 1 deleted", fold.summary());
        NodeDiff conv = fold.forOld("conv");
        assertEquals(NodeState.CHANGED, conv.state());
        assertTrue(conv.changes().stream().anyMatch(c -> c.kind() == Change.Kind.OUTPUT && c.toString().equals("output 0: c -> n")),
                conv.changes().toString());
        assertTrue(conv.changes().stream().anyMatch(c -> c.kind() == Change.Kind.CONSTANT && c.key().equals("input 1")));

        ModelDiff all = ModelDiffer.pipeline(r.input().model(), m);
        assertEquals("1 same, 0 changed, 1 new, 3 deleted", all.summary());
        NodeDiff fused = all.withState(NodeState.NEW).get(0);
        assertEquals("FusedConv", fused.opType());
        assertEquals(List.of("conv", "relu"), fused.related());
        assertEquals(List.of(fused.newId()), all.forOld("relu").related());
        assertEquals(NodeState.SAME, all.forNew("pool").state());
    }

    @Test
    void anUnchangedModelIsAllSameInBothModes() {
        Model m = convBnRelu();
        assertTrue(ModelDiffer.pipeline(m, ModelCopy.of(m)).identical());
        ModelDiff d = ModelDiffer.models(m, ModelCopy.of(m));
        assertTrue(d.identical(), d.summary());
        assertEquals(4, d.count(NodeState.SAME));
    }

    /** The same network as a second exporter would write it: other node names, value names and order. */
    static Model otherExporter(Model m) {
        Model c = ModelCopy.of(m);
        Graph g = c.graph();
        List<Node> nodes = new ArrayList<>(g.nodes());
        for (Node n : nodes) g.removeNode(n);
        Collections.reverse(nodes);
        int k = 0;
        for (Node n : nodes) {
            Node r = new Node("node" + k, "node" + k++, n.opType(), n.domain(), rename(n.inputs()), rename(n.outputs()));
            n.attributes().values().forEach(r::setAttribute);
            g.addNode(r);
        }
        for (String init : List.copyOf(g.initializers().keySet())) {
            Tensor t = g.initializers().get(init);
            g.removeInitializer(init);
            g.putInitializer(t.withName("tool2_" + init));
        }
        g.setOutputs(List.of(org.npustudio.ir.ValueInfo.tensor("y", org.npustudio.ir.DataType.FLOAT, null)));
        for (var v : g.valueInfos()) g.removeValueInfo(v.name());
        return c;
    }

    private static List<String> rename(List<String> vs) {
        return vs.stream().map(v -> v.equals("x") || v.equals("y") ? v : "tool2_" + v).toList();
    }

    @Test
    void twoToolsExportsOfTheSameModelMatchNodeForNode() {
        Model a = convBnRelu();
        Model b = otherExporter(a);
        org.npustudio.shape.ShapeInference.infer(b);
        ModelDiff d = ModelDiffer.models(a, b);
        assertEquals("4 same, 0 changed, 0 new, 0 deleted", d.summary(), d.rows().toString());
        assertEquals("node2", d.forOld("bn").newId());
    }

    @Test
    void changedAttributesAndWeightsAreListedOldToNew() {
        Model a = convBnRelu();
        Model b = otherExporter(a);
        Node pool = b.graph().nodes().get(0);
        pool.setAttribute(Attribute.of("kernel_shape", 3L, 3L));
        b.graph().putInitializer(Tensor.ofFloats("tool2_b", new long[] {4}, new float[] {1, 2, 3, 4}));
        org.npustudio.shape.ShapeInference.infer(b);
        ModelDiff d = ModelDiffer.models(a, b);
        assertEquals("2 same, 2 changed, 0 new, 0 deleted", d.summary());
        assertEquals("[kernel_shape: [2, 2] -> [3, 3], output 0 type: float32[1,4,7,7] -> float32[1,4,6,6]]",
                d.forOld("pool").changes().toString());
        Change bias = d.forOld("conv").changes().get(0);
        assertEquals(Change.Kind.CONSTANT, bias.kind());
        assertTrue(bias.after().endsWith("[1.0, 2.0, 3.0, 4.0]"), bias.after());
    }

    @Test
    void anInsertedNodeIsNewAndItsReaderChangedInput() {
        Model a = convBnRelu();
        Model b = otherExporter(a);
        Graph g = b.graph();
        Node relu = g.nodes().stream().filter(n -> n.opType().equals("Relu")).findFirst().orElseThrow();
        g.addNode(new Node("extra", "extra", "Sigmoid", "", List.of(relu.output(0)), List.of("s")));
        g.nodes().stream().filter(n -> n.opType().equals("MaxPool")).findFirst().orElseThrow().setInput(0, "s");
        org.npustudio.shape.ShapeInference.infer(b);
        ModelDiff d = ModelDiffer.models(a, b);
        assertEquals("3 same, 1 changed, 1 new, 0 deleted", d.summary(), d.rows().toString());
        assertEquals("extra", d.withState(NodeState.NEW).get(0).newId());
    }
}
