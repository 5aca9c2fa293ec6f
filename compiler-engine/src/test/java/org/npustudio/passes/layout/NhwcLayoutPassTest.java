package org.npustudio.passes.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.Model;
import org.npustudio.passes.G;
import org.npustudio.passes.ModelCopy;
import org.npustudio.passes.PassCheck;
import org.npustudio.passes.StandardRules;

class NhwcLayoutPassTest {
    @Test
    void aResidualBlockRunsInNhwcWithTransposesOnlyAtTheBoundaries() throws Exception {
        G g = new G(17).input("x", 1, 4, 6, 6).output("y");
        g.weight("w1", -0.5, 0.5, 4, 4, 3, 3).weight("w2", -0.5, 0.5, 4, 4, 3, 3).weight("bias", -1, 1, 4, 1, 1).scalar("six", 6f).scalar("zero", 0f);
        g.weight("fc", -1, 1, 36, 3);
        Attribute pads = Attribute.of("pads", 1L, 1L, 1L, 1L);
        g.node("conv1", "Conv", "x,w1", "c1", pads);
        g.node("relu", "Relu", "c1", "r1");
        g.node("conv2", "Conv", "r1,w2", "c2", pads);
        g.node("addb", "Add", "c2,bias", "c3");
        g.node("res", "Add", "c3,x", "s");
        g.node("clip", "Clip", "s,zero,six", "a");
        g.node("pool", "MaxPool", "a", "p", Attribute.of("kernel_shape", 2L, 2L), Attribute.of("strides", 2L, 2L));
        g.node("flat", "Flatten", "p", "f");
        g.node("mm", "MatMul", "f,fc", "y");
        Model m = g.build();
        Model before = ModelCopy.of(m);
        PassCheck.run(m, "layout-nhwc");
        assertEquals("Transpose,Nhwc,Relu,Nhwc,Add,Add,Clip,Nhwc,Transpose,Flatten,MatMul", PassCheck.ops(m));
        assertEquals("conv1", m.graph().topologicalOrder().get(1).id(), "converted nodes keep their ids");
        PassCheck.assertSameOutputs(before, m, 1e-6);
        Model legal = ModelCopy.of(m);
        StandardRules.legalize(legal);
        assertEquals("Conv", legal.graph().nodeById("conv1").opType());
    }

    @Test
    void onlyTheRequestedOperatorsAreConverted() {
        G g = new G(17).input("x", 1, 2, 4, 4).output("y");
        g.weight("w", -1, 1, 2, 2, 1, 1);
        g.node("conv", "Conv", "x,w", "c");
        g.node("pool", "GlobalAveragePool", "c", "y");
        Model m = g.build();
        PassCheck.run(m, org.npustudio.passes.PassRegistry.get("layout-nhwc").create(java.util.Map.of("ops", java.util.List.of("GlobalAveragePool"))));
        assertEquals("Conv,Transpose,Nhwc,Transpose", PassCheck.ops(m));
    }
}
