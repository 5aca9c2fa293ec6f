package org.npustudio.passes.opt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.passes.G;
import org.npustudio.passes.ModelCopy;
import org.npustudio.passes.PassCheck;

class FoldingPassesTest {
    private static void bn(G g, String c) {
        g.weight("gamma", 0.5, 1.5, Long.parseLong(c)).weight("beta", -0.2, 0.2, Long.parseLong(c));
        g.weight("mean", -0.3, 0.3, Long.parseLong(c)).weight("var", 0.2, 2, Long.parseLong(c));
    }

    @Test
    void batchNormFoldsIntoConvWhichKeepsItsId() throws Exception {
        G g = new G(17).input("x", 1, 3, 6, 6).output("y");
        g.weight("w", -0.5, 0.5, 4, 3, 3, 3).weight("b", -0.1, 0.1, 4);
        bn(g, "4");
        g.node("conv", "Conv", "x,w,b", "c", Attribute.of("kernel_shape", 3L, 3L));
        g.node("bn", "BatchNormalization", "c,gamma,beta,mean,var", "y", Attribute.of("epsilon", 1e-3f));
        Model m = g.build();
        Model before = ModelCopy.of(m);
        PassCheck.run(m, "fold-batchnorm", "dead-code-elimination");
        assertEquals("Conv", PassCheck.ops(m));
        Node conv = m.graph().nodes().get(0);
        assertEquals("conv", conv.id());
        assertEquals("y", conv.output(0));
        assertEquals(2, m.graph().initializers().size(), "BN parameters and the old weights are gone");
        PassCheck.assertSameOutputs(before, m, 1e-5);
    }

    @Test
    void batchNormFoldsIntoGemmWithTransBAlphaBetaAndBiasAbsent() throws Exception {
        for (long transB : new long[] {0, 1}) {
            G g = new G(17).input("x", 2, 5).output("y");
            g.weight("w", -0.5, 0.5, transB == 1 ? new long[] {4, 5} : new long[] {5, 4});
            g.weight("c", -0.3, 0.3, 4);
            bn(g, "4");
            g.node("gemm", "Gemm", "x,w,c", "h", Attribute.of("transB", transB), Attribute.of("alpha", 0.7f), Attribute.of("beta", 1.3f));
            g.node("bn", "BatchNormalization", "h,gamma,beta,mean,var", "y");
            Model m = g.build();
            Model before = ModelCopy.of(m);
            PassCheck.run(m, "fold-batchnorm");
            assertEquals("Gemm", PassCheck.ops(m));
            PassCheck.assertSameOutputs(before, m, 1e-5);
        }
    }

    @Test
    void batchNormStaysWhenTheConvOutputHasAnotherReader() {
        G g = new G(17).input("x", 1, 3, 6, 6).output("y").output("z");
        g.weight("w", -0.5, 0.5, 4, 3, 1, 1);
        bn(g, "4");
        g.node("conv", "Conv", "x,w", "c");
        g.node("bn", "BatchNormalization", "c,gamma,beta,mean,var", "y");
        g.node("other", "Relu", "c", "z");
        Model m = g.build();
        PassCheck.run(m, "fold-batchnorm");
        assertEquals("Conv,BatchNormalization,Relu", PassCheck.ops(m));
    }

    @Test
    void mulAddSubDivChainsFoldIntoConv() throws Exception {
        G g = new G(17).input("x", 1, 2, 5, 5).output("y");
        g.weight("w", -0.5, 0.5, 3, 2, 3, 3);
        g.weight("s", 0.5, 2, 3, 1, 1).weight("a", -1, 1, 1, 3, 1, 1).scalar("d", 4f).scalar("k", 0.25f);
        g.node("conv", "Conv", "x,w", "c", Attribute.of("pads", 1L, 1L, 1L, 1L));
        g.node("mul", "Mul", "s,c", "c1");
        g.node("add", "Add", "c1,a", "c2");
        g.node("div", "Div", "c2,d", "c3");
        g.node("sub", "Sub", "c3,k", "y");
        Model m = g.build();
        Model before = ModelCopy.of(m);
        PassCheck.run(m, "fold-scale-into-conv", "dead-code-elimination");
        assertEquals("Conv", PassCheck.ops(m));
        PassCheck.assertSameOutputs(before, m, 1e-5);
    }

    @Test
    void aConstantVaryingAlongSpaceIsNotFolded() {
        G g = new G(17).input("x", 1, 2, 4, 4).output("y");
        g.weight("w", -0.5, 0.5, 3, 2, 1, 1).weight("s", 0.5, 2, 1, 1, 4, 4);
        g.node("conv", "Conv", "x,w", "c");
        g.node("mul", "Mul", "c,s", "y");
        Model m = g.build();
        PassCheck.run(m, "fold-scale-into-conv");
        assertEquals("Conv,Mul", PassCheck.ops(m));
    }

    @Test
    void padMergesIntoConvAndAveragePool() throws Exception {
        G g = new G(17).input("x", 1, 2, 6, 6).output("y");
        g.weight("w", -0.5, 0.5, 2, 2, 3, 3);
        g.ints("pads", 0, 0, 1, 2, 0, 0, 1, 0).ints("pads2", 0, 0, 1, 1, 0, 0, 1, 1);
        g.node("pad", "Pad", "x,pads", "p");
        g.node("conv", "Conv", "p,w", "c", Attribute.of("pads", 0L, 1L, 0L, 1L));
        g.node("pad2", "Pad", "c,pads2", "q");
        g.node("pool", "AveragePool", "q", "y", Attribute.of("kernel_shape", 3L, 3L));
        Model m = g.build();
        Model before = ModelCopy.of(m);
        PassCheck.run(m, "merge-pad");
        assertEquals("Conv,AveragePool", PassCheck.ops(m));
        assertArrayEquals(new long[] {1, 3, 1, 1}, m.graph().nodeById("conv").attrLongs("pads"));
        assertEquals(1L, m.graph().nodeById("pool").attrLong("count_include_pad", 0));
        assertNull(m.graph().nodeById("pad"));
        PassCheck.assertSameOutputs(before, m, 1e-6);
    }

    @Test
    void nonZeroPadStaysBeforeConvAndZeroPadStaysBeforeMaxPool() {
        G g = new G(17).input("x", 1, 2, 6, 6).output("y");
        g.weight("w", -0.5, 0.5, 2, 2, 3, 3).ints("pads", 0, 0, 1, 1, 0, 0, 1, 1).scalar("one", 1f);
        g.node("pad", "Pad", "x,pads,one", "p");
        g.node("conv", "Conv", "p,w", "c");
        g.node("pad2", "Pad", "c,pads", "q");
        g.node("pool", "MaxPool", "q", "y", Attribute.of("kernel_shape", 2L, 2L));
        Model m = g.build();
        PassCheck.run(m, "merge-pad");
        assertEquals("Pad,Conv,Pad,MaxPool", PassCheck.ops(m));
    }
}
