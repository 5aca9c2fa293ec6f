package org.npustudio.passes.opt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Model;
import org.npustudio.ir.Tensor;
import org.npustudio.passes.G;
import org.npustudio.passes.IrText;
import org.npustudio.passes.ModelCopy;
import org.npustudio.passes.PassCheck;

class ConstantFoldingPassTest {
    @Test
    void foldsAShapeComputingSubgraphIntoOneReshapeTarget() throws Exception {
        // The PyTorch flatten idiom: Reshape(x, Concat(Unsqueeze(Gather(Shape(x), 0)), [-1])).
        G g = new G(17).input("x", 2, 3, 4).output("y");
        g.ints("zero", 0).ints("minus1", -1);
        g.graph.putInitializer(Tensor.ofLongs("idx", new long[0], new long[] {0}));
        g.node("shape", "Shape", "x", "s");
        g.node("gather", "Gather", "s,idx", "b", Attribute.of("axis", 0L));
        g.node("unsq", "Unsqueeze", "b,zero", "b1");
        g.node("concat", "Concat", "b1,minus1", "target", Attribute.of("axis", 0L));
        g.node("reshape", "Reshape", "x,target", "y");
        Model m = g.build();
        Model before = ModelCopy.of(m);
        PassCheck.run(m, "constant-folding", "dead-code-elimination");
        assertEquals("""
                inputs: %x
                %y = Reshape(%x, %target<int64[2]>)  # reshape
                outputs: %y""", IrText.of(m));
        assertArrayEquals(new long[] {2, -1}, m.graph().initializers().get("target").toLongs());
        PassCheck.assertSameOutputs(before, m, 0);
    }

    @Test
    void foldsConstantNodesArithmeticTransposeCastSliceAndConstantOfShape() throws Exception {
        G g = new G(17).input("x", 3, 2).output("y");
        g.node("c", "Constant", "", "k", Attribute.of("value", Tensor.ofFloats("k", new long[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6})));
        g.node("t", "Transpose", "k", "kt", Attribute.of("perm", 0L + 1, 0L));
        g.scalar("two", 2f);
        g.node("mul", "Mul", "kt,two", "k2");
        g.node("sub", "Sub", "k2,two", "k3");
        g.ints("starts", 0).ints("ends", 3).ints("axes", 0);
        g.node("slice", "Slice", "k3,starts,ends,axes", "k4");
        g.ints("shape", 3, 2);
        g.node("cos", "ConstantOfShape", "shape", "ones", Attribute.of("value", Tensor.ofFloats("v", new long[] {1}, new float[] {1})));
        g.node("add1", "Add", "k4,ones", "k5");
        g.node("cast", "Cast", "k5", "k6", Attribute.of("to", (long) DataType.INT32.code()));
        g.node("back", "Cast", "k6", "k7", Attribute.of("to", (long) DataType.FLOAT.code()));
        g.node("add", "Add", "x,k7", "y");
        Model m = g.build();
        Model before = ModelCopy.of(m);
        PassCheck.run(m, "constant-folding", "dead-code-elimination");
        assertEquals("Add", PassCheck.ops(m));
        // kt = [[1,4],[2,5],[3,6]]; *2 - 2 + 1
        assertArrayEquals(new float[] {1, 7, 3, 9, 5, 11}, m.graph().initializers().get("k7").toFloats());
        PassCheck.assertSameOutputs(before, m, 0);
    }

    @Test
    void leavesGraphOutputsNonConstantsAndCustomOpsAlone() {
        G g = new G(17).input("x", 2).output("y").output("z");
        g.scalar("a", 1f).scalar("b", 2f);
        g.node("sum", "Add", "a,b", "y");
        g.node("custom", "com.example", "Fold", "a", "c");
        g.node("add", "Add", "x,c", "z");
        g.model.opsetImports().add(new org.npustudio.ir.OpsetId("com.example", 1));
        Model m = g.build();
        PassCheck.run(m, "constant-folding");
        assertEquals("Add,Fold,Add", PassCheck.ops(m));
        assertTrue(m.graph().initializers().containsKey("a"));
    }
}
