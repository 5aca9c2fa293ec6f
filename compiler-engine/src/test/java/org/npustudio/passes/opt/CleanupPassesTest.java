package org.npustudio.passes.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.Model;
import org.npustudio.passes.G;
import org.npustudio.passes.IrText;
import org.npustudio.passes.ModelCopy;
import org.npustudio.passes.PassCheck;

class CleanupPassesTest {
    @Test
    void deadCodeEliminationRemovesUnreachableNodesInitializersAndValueInfo() {
        G g = new G(17).input("x", 2, 2).output("y");
        g.weight("w", 0, 1, 2, 2).weight("unused", 0, 1, 2);
        g.node("live", "Relu", "x", "y");
        g.node("dead1", "MatMul", "x,w", "d1");
        g.node("dead2", "Sigmoid", "d1", "d2");
        Model m = g.build();
        PassCheck.run(m, "dead-code-elimination");
        assertEquals("Relu", PassCheck.ops(m));
        assertEquals(0, m.graph().initializers().size());
        assertEquals(0, m.graph().valueInfos().size());
    }

    @Test
    void cseMergesDuplicatesAndTheirChainsKeepingTheFirstId() throws Exception {
        G g = new G(17).input("x", 2, 3).output("y");
        g.floats("c1", new long[] {3}, 1, 2, 3).floats("c2", new long[] {3}, 1, 2, 3);
        g.node("a1", "Add", "x,c1", "s1");
        g.node("a2", "Add", "x,c2", "s2");
        g.node("r1", "Relu", "s1", "t1");
        g.node("r2", "Relu", "s2", "t2");
        g.node("t", "Transpose", "t1", "u1", Attribute.of("perm", 1L, 0L));
        g.node("tt", "Transpose", "t1", "u2", Attribute.of("perm", 0L, 1L));
        g.node("m", "MatMul", "t2,u1", "y");
        g.node("unused", "Identity", "u2", "v");
        Model m = g.build();
        Model before = ModelCopy.of(m);
        PassCheck.run(m, "common-subexpression-elimination", "dead-code-elimination");
        assertEquals("""
                inputs: %x
                %s1 = Add(%x, %c1<float32[3]>)  # a1
                %t1 = Relu(%s1)  # r1
                %u1 = Transpose(%t1) {perm=[1, 0]}  # t
                %y = MatMul(%t1, %u1)  # m
                outputs: %y""", IrText.of(m));
        PassCheck.assertSameOutputs(before, m, 0);
    }

    @Test
    void removesIdentityDropoutNoOpReshapeAndCancellingTransposes() throws Exception {
        G g = new G(17).input("x", 2, 3, 4).output("y");
        g.ints("same", 2, 3, 4);
        g.node("id", "Identity", "x", "a");
        g.node("drop", "Dropout", "a", "b");
        g.node("reshape", "Reshape", "b,same", "c");
        g.node("t1", "Transpose", "c", "d", Attribute.of("perm", 2L, 0L, 1L));
        g.node("relu", "Relu", "d", "e");
        g.node("t2", "Transpose", "d", "f", Attribute.of("perm", 1L, 2L, 0L));
        g.node("add", "Add", "f,c", "y");
        g.node("side", "ReduceSum", "e", "s");
        Model m = g.build();
        Model before = ModelCopy.of(m);
        PassCheck.run(m, "remove-identities", "dead-code-elimination");
        assertEquals("""
                inputs: %x
                %y = Add(%x, %x)  # add
                outputs: %y""", IrText.of(m));
        PassCheck.assertSameOutputs(before, m, 0);
    }

    @Test
    void anIdentityProducingAGraphOutputRenamesItsProducer() throws Exception {
        G g = new G(17).input("x", 4).output("y");
        g.node("relu", "Relu", "x", "r");
        g.node("id", "Identity", "r", "y");
        Model m = g.build();
        PassCheck.run(m, "remove-identities");
        assertEquals("%y = Relu(%x)  # relu", IrText.line(m.graph(), m.graph().nodeById("relu")));
        G h = new G(17).input("x", 4).output("y");
        h.node("id", "Identity", "x", "y");
        Model k = h.build();
        PassCheck.run(k, "remove-identities");
        assertNotNull(k.graph().nodeById("id"), "an Identity from graph input to graph output must stay");
        assertFalse(k.graph().nodes().isEmpty());
    }
}
