package org.npustudio.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.OpsetId;
import org.npustudio.ir.Shape;
import org.npustudio.ir.ValueInfo;

class ModelSummaryTest {
    /** x[1,16] -> MatMul(W) -> Relu -> MatMul(W) -> Relu -> Add(x) -> y; W [16,16] shared. */
    private static Model mlp() {
        GraphBuilder b = new GraphBuilder().input("x", 1, 16).weight("W", 16, 16);
        b.node("MatMul", List.of("x", "W"), "h1");
        b.node("Relu", List.of("h1"), "r1");
        b.node("MatMul", List.of("r1", "W"), "h2");
        b.node("Relu", List.of("h2"), "r2");
        b.node("Add", List.of("r2", "x"), "y");
        b.graph.addOutput(ValueInfo.tensor("y", DataType.FLOAT, Shape.of(1, 16)));
        Model m = new Model(b.graph);
        m.setIrVersion(8);
        m.setProducerName("unit-test");
        m.setProducerVersion("1.0");
        m.opsetImports().add(new OpsetId("", 17));
        return m;
    }

    @Test
    void sharedInitializerIsCountedOnce() {
        ModelSummary s = ModelSummary.of(mlp());
        assertEquals(1, s.initializers());
        assertEquals(256, s.params());
        assertEquals(1024, s.paramBytes());
        OpCostModel costs = new OpCostModel(mlp().graph());
        long perNode = 0;
        for (Node n : mlp().graph().nodes()) perNode += costs.cost(n).params();
        assertEquals(512, perNode, "each reader reports the weight it reads");
    }

    @Test
    void headerHistogramAndTotals() {
        ModelSummary s = ModelSummary.of(mlp());
        assertEquals(8, s.irVersion());
        assertEquals("unit-test", s.producerName());
        assertEquals(List.of(new OpsetId("", 17)), s.opsets());
        assertEquals(5, s.nodes());
        assertEquals(0, s.subgraphNodes());
        // The graph declares only x and y; with intermediate shapes unknown the MatMuls after the
        // first and the Relus cannot be costed, so there is no total.
        assertEquals(List.of(Map.entry("MatMul", 2), Map.entry("Relu", 2), Map.entry("Add", 1)),
                new ArrayList<>(s.opHistogram().entrySet()));
        assertEquals(1, s.inputs().size());
        assertEquals("float32[1,16]", s.inputs().get(0).typeText());
        assertEquals(OptionalLong.empty(), s.macs());
        assertTrue(s.unknownCostNodes() > 0);
    }

    @Test
    void totalsWhenEveryShapeIsKnown() {
        Model m = mlp();
        for (String v : List.of("h1", "r1", "h2", "r2")) {
            m.graph().putValueInfo(ValueInfo.tensor(v, DataType.FLOAT, Shape.of(1, 16)));
        }
        ModelSummary s = ModelSummary.of(m);
        // two MatMuls of 1x16x16 = 256 MACs each; FLOPs 2*512 + Relu 16 + Relu 16 + Add 16
        assertEquals(0, s.unknownCostNodes());
        assertEquals(OptionalLong.of(512), s.macs());
        assertEquals(OptionalLong.of(1024 + 48), s.flops());
    }

    @Test
    void subgraphNodesAreCountedSeparately() {
        Model m = mlp();
        Graph thenBranch = new Graph("then");
        thenBranch.addNode(new Node("t0", "t0", "Identity", "", List.of("y"), List.of("t")));
        thenBranch.addOutput(ValueInfo.tensor("t", DataType.FLOAT, Shape.of(1, 16)));
        Graph elseBranch = new Graph("else");
        elseBranch.addNode(new Node("e0", "e0", "Neg", "", List.of("y"), List.of("e1")));
        elseBranch.addNode(new Node("e1", "e1", "Identity", "", List.of("e1"), List.of("e")));
        elseBranch.addOutput(ValueInfo.tensor("e", DataType.FLOAT, Shape.of(1, 16)));
        Node iff = new Node("if0", "if0", "If", "", List.of("cond"), List.of("z"));
        iff.setAttribute(Attribute.of("then_branch", thenBranch));
        iff.setAttribute(Attribute.of("else_branch", elseBranch));
        m.graph().addInput(ValueInfo.tensor("cond", DataType.BOOL, Shape.of()));
        m.graph().addNode(iff);
        Node custom = new Node("c0", "c0", "FusedThing", "com.example", List.of("z"), List.of("w"));
        m.graph().addNode(custom);
        ModelSummary s = ModelSummary.of(m);
        assertEquals(7, s.nodes());
        assertEquals(3, s.subgraphNodes());
        assertEquals(Map.of("Identity", 2, "Neg", 1), s.subgraphOpHistogram());
        assertEquals(1, s.opHistogram().get("com.example.FusedThing"));
        assertEquals(1, s.opHistogram().get("If"));
    }

    @Test
    void initializersListedAsInputsAreNotReportedAsInputs() {
        Model m = mlp();
        m.graph().addInput(ValueInfo.tensor("W", DataType.FLOAT, Shape.of(16, 16)));
        assertEquals(List.of("x"), ModelSummary.of(m).inputs().stream().map(ValueSummary::name).toList());
    }
}
