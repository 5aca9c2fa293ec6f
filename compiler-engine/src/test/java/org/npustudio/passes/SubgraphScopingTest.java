package org.npustudio.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.Shape;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.ValueInfo;

/** A value merged or renamed at outer scope is renamed inside the If bodies that capture it. */
class SubgraphScopingTest {
    /** y = If(c) then x + w2 (w2 captured, a copy of w1) else x + w1; z = x * w1. */
    static Model ifCapturingADuplicateInitializer() {
        G g = new G(17).input("x", 4).output("y").output("z");
        g.floats("w1", new long[] {4}, 1, 2, 3, 4).floats("w2", new long[] {4}, 1, 2, 3, 4);
        g.graph.addInput(ValueInfo.tensor("c", DataType.BOOL, Shape.SCALAR));
        Graph then = new Graph("then");
        then.addNode(new Node("then_add", "then_add", "Add", "", List.of("x", "w2"), List.of("t")));
        then.addOutput(ValueInfo.tensor("t", DataType.FLOAT, Shape.of(4)));
        Graph other = new Graph("else");
        Graph inner = new Graph("inner");
        inner.addNode(new Node("inner_id", "inner_id", "Identity", "", List.of("w2"), List.of("iw"))); // captured two levels down
        inner.addOutput(ValueInfo.tensor("iw", DataType.FLOAT, Shape.of(4)));
        other.addNode(new Node("inner_if", "inner_if", "If", "", List.of("c"), List.of("e")));
        other.nodes().get(0).setAttribute(Attribute.of("then_branch", inner));
        other.nodes().get(0).setAttribute(Attribute.of("else_branch", inner));
        other.addOutput(ValueInfo.tensor("e", DataType.FLOAT, Shape.of(4)));
        Node ifNode = new Node("if", "if", "If", "", List.of("c"), List.of("y"));
        ifNode.setAttribute(Attribute.of("then_branch", then));
        ifNode.setAttribute(Attribute.of("else_branch", other));
        g.graph.addNode(ifNode);
        g.node("mul", "Mul", "x,w1", "z");
        return g.build();
    }

    @Test
    void mergingIdenticalInitializersRenamesTheirUsesInsideNestedBodies() throws Exception {
        Model m = ifCapturingADuplicateInitializer();
        Model before = ModelCopy.of(m);
        PassCheck.run(m, "common-subexpression-elimination");
        assertTrue(!m.graph().isInitializer("w2") || !m.graph().isInitializer("w1"), "the copies were merged");
        String kept = m.graph().isInitializer("w1") ? "w1" : "w2";
        Node ifNode = m.graph().nodeById("if");
        assertEquals(kept, ifNode.subgraphs().get(0).nodes().get(0).input(1));
        assertEquals(kept, ifNode.subgraphs().get(1).nodes().get(0).subgraphs().get(0).nodes().get(0).input(0));
        assertEquals(List.of(ifNode), m.graph().consumers(kept).stream().filter(n -> n.opType().equals("If")).distinct().toList(),
                "the graph's look-up sees the capture under its new name");
        for (boolean c : new boolean[] {true, false}) {
            var in = new java.util.LinkedHashMap<String, Tensor>();
            in.put("x", Tensor.ofFloats("x", new long[] {4}, new float[] {1, 1, 1, 1}));
            in.put("c", Tensor.raw("c", DataType.BOOL, new long[0], new byte[] {(byte) (c ? 1 : 0)}));
            var a = org.npustudio.passes.numeric.OrtExecution.run(before, in);
            var b = org.npustudio.passes.numeric.OrtExecution.run(m, in);
            for (String k : a.keySet()) assertEquals(java.util.Arrays.toString(a.get(k).toFloats()), java.util.Arrays.toString(b.get(k).toFloats()));
        }
    }
}
