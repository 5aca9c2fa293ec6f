package org.npustudio.passes.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.Shape;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.ValueInfo;
import org.npustudio.passes.G;
import org.npustudio.passes.ModelCopy;
import org.npustudio.passes.PassCheck;
import org.npustudio.passes.numeric.OrtExecution;
import org.npustudio.runtime.TensorComparison;

/** An If whose condition is constant is replaced by the branch it takes, nested Ifs included. */
class InlineConstantIfPassTest {
    private static Node node(String id, String op, List<String> in, List<String> out) {
        return new Node(id, id, op, "", in, out);
    }

    private static Graph body(String name, List<Node> nodes, String... outputs) {
        Graph g = new Graph(name);
        for (Node n : nodes) g.addNode(n);
        for (String o : outputs) g.addOutput(ValueInfo.tensor(o, DataType.FLOAT, Shape.of(4)));
        return g;
    }

    private static Node ifNode(String id, String cond, List<String> outs, Graph then, Graph otherwise) {
        Node n = node(id, "If", List.of(cond), outs);
        n.setAttribute(Attribute.of("then_branch", then));
        n.setAttribute(Attribute.of("else_branch", otherwise));
        return n;
    }

    /**
     * k = 3 (an initializer, as --input-value makes it); y, z = If(Equal(k, 3)) then { a = x + w;
     * (If(Equal(k, 4)) then a * w else a - w), bw } with bw an initializer of the branch else { -x, -x }.
     */
    static Model nested() {
        G g = new G(17).input("x", 4).output("y").output("z");
        g.floats("w", new long[] {4}, 1, 2, 3, 4);
        g.graph.putInitializer(Tensor.ofLongs("k", new long[0], new long[] {3}));
        g.graph.putInitializer(Tensor.ofLongs("three", new long[0], new long[] {3}));
        g.graph.putInitializer(Tensor.ofLongs("four", new long[0], new long[] {4}));
        g.node("eq", "Equal", "k,three", "cond");
        Graph innerThen = body("inner_then", List.of(node("inner_mul", "Mul", List.of("a", "w"), List.of("m"))), "m");
        Graph innerElse = body("inner_else", List.of(node("inner_sub", "Sub", List.of("a", "w"), List.of("s"))), "s");
        Graph then = body("then", List.of(node("then_add", "Add", List.of("x", "w"), List.of("a")),
                node("then_eq", "Equal", List.of("k", "four"), List.of("c2")),
                ifNode("inner", "c2", List.of("r"), innerThen, innerElse)), "r", "bw");
        then.putInitializer(Tensor.ofFloats("bw", new long[] {4}, new float[] {9, 8, 7, 6}));
        Graph otherwise = body("else", List.of(node("else_neg", "Neg", List.of("x"), List.of("n"))), "n", "n");
        g.graph.addNode(ifNode("outer", "cond", List.of("y", "z"), then, otherwise));
        return g.build();
    }

    @Test
    void nestedConstantIfsBecomeTheBranchesTakenWithTheSameOutputs() throws Exception {
        Model m = nested();
        Model before = ModelCopy.of(m);
        PassCheck.run(m, "inline-constant-if", "dead-code-elimination");
        assertEquals(0, m.graph().nodes().stream().filter(n -> n.opType().equals("If")).count(), PassCheck.ops(m));
        assertEquals("Add,Sub,Identity", PassCheck.ops(m), "the taken branches, the dead conditions removed");
        Node sub = m.graph().nodeById("inner_sub");
        assertNotNull(sub, "moved nodes keep their ids");
        assertEquals(List.of("y"), sub.outputs(), "the branch output is renamed to the If's output");
        assertEquals("a", sub.input(0), "a name free in the model is kept");
        Node id = m.graph().producer("z");
        assertEquals("Identity", id.opType());
        assertEquals(List.of("bw"), id.inputs(), "a branch returning its initializer gets an Identity");
        assertTrue(m.graph().isInitializer("bw"), "the branch's initializer moved along");
        assertEquals(List.of("outer"), id.provenance());
        assertNull(m.graph().nodeById("else_neg"), "the branch not taken is gone");
        Map<String, Tensor> in = Map.of("x", Tensor.ofFloats("x", new long[] {4}, new float[] {0.5f, -1, 2, 7}));
        Map<String, Tensor> a = OrtExecution.run(before, in), b = OrtExecution.run(m, in);
        for (String k : List.of("y", "z")) assertTrue(TensorComparison.of(b.get(k), a.get(k)).bitIdentical(), k + ": " + TensorComparison.of(b.get(k), a.get(k)).describe() + java.util.Arrays.toString(a.get(k).toFloats()) + java.util.Arrays.toString(b.get(k).toFloats()));
    }

    @Test
    void branchValuesTakenElsewhereGetFreshNames() throws Exception {
        Model m = nested();
        // a value named like the branch's "a" elsewhere in the model: the moved one must not clash with it
        m.graph().addNode(node("other", "Relu", List.of("x"), List.of("a")));
        m.graph().addOutput(ValueInfo.tensor("a", DataType.FLOAT, Shape.of(4)));
        new InlineConstantIfPass(org.npustudio.passes.PassOptions.of("inline-constant-if", List.of(), Map.of()))
                .run(m, new org.npustudio.passes.PassContext("t"));
        Node add = m.graph().nodeById("then_add");
        assertEquals(List.of("a_1"), add.outputs());
        assertEquals("a_1", m.graph().nodeById("inner_sub").input(0));
        assertEquals("Relu", m.graph().producer("a").opType());
    }

    @Test
    void anIfOnAnInputIsLeftAlone() throws Exception {
        Model m = nested();
        m.graph().removeInitializer("k");
        m.graph().addInput(ValueInfo.tensor("k", DataType.INT64, Shape.SCALAR));
        org.npustudio.shape.ShapeInference.infer(m);
        assertFalse(PassCheck.run(m, "inline-constant-if").records().get(0).changed());
        assertNotNull(m.graph().nodeById("outer"));
    }
}
