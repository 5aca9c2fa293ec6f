package org.npustudio.passes.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.legalize.FusedOps;
import org.npustudio.passes.G;
import org.npustudio.passes.IrText;
import org.npustudio.passes.ModelCopy;
import org.npustudio.passes.PassCheck;
import org.npustudio.passes.StandardRules;
import org.npustudio.passes.Verifier;

class FusionPassesTest {
    @Test
    void matMulAddBecomesGemmOnlyIn2D() throws Exception {
        G g = new G(17).input("x", 4, 5).input("x3", 2, 4, 5).output("y").output("y3");
        g.weight("w", -1, 1, 5, 3).weight("b", -1, 1, 3);
        g.node("mm", "MatMul", "x,w", "p");
        g.node("add", "Add", "b,p", "y");
        g.node("mm3", "MatMul", "x3,w", "p3");
        g.node("add3", "Add", "p3,b", "y3");
        Model m = g.build();
        Model before = ModelCopy.of(m);
        PassCheck.run(m, "matmul-add-to-gemm");
        assertEquals("%y = Gemm(%x, %w<float32[5, 3]>, %b<float32[3]>) {alpha=1.0, beta=1.0}  # mm_gemm <- mm, add",
                IrText.line(m.graph(), m.graph().nodeById("mm_gemm")));
        assertEquals("Gemm,MatMul,Add", PassCheck.ops(m));
        PassCheck.assertSameOutputs(before, m, 1e-6);
    }

    /** Conv + each activation fuses, and legalizes back to ORT-equivalent standard ONNX at several opsets. */
    @Test
    void convAndGemmActivationsFuseAndLegalizeForOldAndNewOpsets() throws Exception {
        String[][] acts = {{"Relu"}, {"Sigmoid"}, {"Tanh"}, {"LeakyRelu"}, {"HardSigmoid"}, {"HardSwish"}, {"Clip"}, {"Elu"}};
        for (long opset : new long[] {11, 13, 17, 20}) {
            for (String[] a : acts) {
                if (a[0].equals("HardSwish") && opset < 14) {
                    // HardSwish itself does not exist before 14; the fused form still must expand there.
                    continue;
                }
                G g = new G(opset).input("x", 1, 2, 5, 5).output("y").output("z");
                g.weight("w", -1, 1, 3, 2, 3, 3).weight("b", -0.5, 0.5, 3).scalar("lo", 0f).scalar("hi", 0.5f);
                g.weight("gw", -1, 1, 3, 50).weight("gb", -0.5, 0.5, 3);
                g.node("conv", "Conv", "x,w,b", "c", Attribute.of("pads", 1L, 1L, 1L, 1L));
                boolean clip = a[0].equals("Clip");
                if (clip && opset < 11) g.node("act", "Clip", "c", "y", Attribute.of("min", 0f), Attribute.of("max", 0.5f));
                else if (clip) g.node("act", "Clip", "c,lo,hi", "y");
                else if (a[0].equals("LeakyRelu")) g.node("act", "LeakyRelu", "c", "y", Attribute.of("alpha", 0.2f));
                else g.node("act", a[0], "c", "y");
                g.node("flat", "Flatten", "x", "f");
                g.node("gemm", "Gemm", "f,gw,gb", "h", Attribute.of("transB", 1L));
                g.node("gact", clip ? "Relu" : a[0], "h", "z");
                Model m = g.build();
                Model before = ModelCopy.of(m);
                PassCheck.run(m, "fuse-activation");
                assertEquals("FusedConv,Flatten,FusedGemm", PassCheck.ops(m), a[0] + " opset " + opset);
                Node fused = m.graph().nodes().get(0);
                assertEquals(FusedOps.DOMAIN, fused.domain());
                assertEquals(List.of("conv", "act"), fused.provenance());
                PassCheck.assertSameOutputs(before, m, 1e-6);
                Model legal = ModelCopy.of(m);
                StandardRules.legalize(legal);
                assertTrue(legal.graph().nodes().stream().noneMatch(n -> n.domain().equals(FusedOps.DOMAIN)));
                assertTrue(legal.opsetImports().stream().noneMatch(o -> o.domain().equals(FusedOps.DOMAIN)));
                assertTrue(legal.graph().nodeById("conv") != null && legal.graph().nodeById("act") != null,
                        "legalization gives the original ids back");
                assertEquals(List.of(), Verifier.check(legal));
            }
        }
    }

    @Test
    void hardSwishLegalizesToHardSigmoidMulBeforeOpset14() throws Exception {
        G g = new G(17).input("x", 1, 2, 4, 4).output("y");
        g.weight("w", -1, 1, 3, 2, 1, 1);
        g.node("conv", "Conv", "x,w", "c");
        g.node("act", "HardSwish", "c", "y");
        Model m = g.build();
        Model before = ModelCopy.of(m);
        PassCheck.run(m, "fuse-activation");
        m.opsetImports().set(0, new org.npustudio.ir.OpsetId("", 13));
        Model legal = ModelCopy.of(m);
        StandardRules.legalize(legal);
        assertEquals("Conv,HardSigmoid,Mul", PassCheck.ops(legal));
        before.opsetImports().set(0, new org.npustudio.ir.OpsetId("", 14));
        legal.opsetImports().set(0, new org.npustudio.ir.OpsetId("", 14));
        PassCheck.assertSameOutputs(before, legal, 1e-6);
    }

    private static Model gelu(long opset, boolean tanh, int variant) {
        G g = new G(opset).input("x", 2, 8).output("y");
        g.scalar("sqrt2", (float) Math.sqrt(2)).scalar("one", 1f).scalar("half", 0.5f).scalar("k", 0.044715f)
                .scalar("c", (float) Math.sqrt(2 / Math.PI)).scalar("three", 3f);
        g.node("pre", "Relu", "x", "x0");
        if (tanh) {
            g.node("pow", "Pow", "x0,three", "x3");
            g.node("mk", "Mul", "x3,k", "kx3");
            g.node("sum", "Add", "x0,kx3", "s");
            g.node("mc", "Mul", "c,s", "u");
            g.node("tanh", "Tanh", "u", "e");
        } else {
            g.node("div", "Div", "x0,sqrt2", "t");
            g.node("erf", "Erf", "t", "e");
        }
        g.node("add1", "Add", "e,one", "a");
        switch (variant) {
            case 0 -> {
                g.node("m1", "Mul", "x0,a", "m");
                g.node("m2", "Mul", "m,half", "y");
            }
            case 1 -> {
                g.node("h", "Mul", "half,x0", "hx");
                g.node("m1", "Mul", "hx,a", "y");
            }
            default -> {
                g.node("m1", "Mul", "a,half", "m");
                g.node("m2", "Mul", "x0,m", "y");
            }
        }
        return g.build();
    }

    @Test
    void geluPatternsBecomeOneNodeWithProvenanceAndStayEquivalent() throws Exception {
        for (long opset : new long[] {17, 20}) {
            for (boolean tanh : new boolean[] {false, true}) {
                for (int variant = 0; variant < 3; variant++) {
                    Model m = gelu(opset, tanh, variant);
                    Model before = ModelCopy.of(m);
                    PassCheck.run(m, "fuse-gelu");
                    assertEquals("Relu,Gelu", PassCheck.ops(m), "opset " + opset + " tanh " + tanh + " variant " + variant);
                    Node gelu = m.graph().topologicalOrder().get(1);
                    assertEquals(opset >= 20 ? "" : FusedOps.DOMAIN, gelu.domain());
                    assertEquals(tanh ? 8 : 5, gelu.provenance().size());
                    assertEquals(tanh ? "tanh" : "none", gelu.attrString("approximate", ""));
                    PassCheck.assertSameOutputs(before, m, 1e-5);
                }
            }
        }
    }

    @Test
    void aGeluLookalikeWithAWrongConstantIsLeftAlone() {
        Model m = gelu(17, false, 0);
        m.graph().putInitializer(org.npustudio.ir.Tensor.ofFloats("half", new long[0], new float[] {0.6f}));
        PassCheck.run(m, "fuse-gelu");
        assertEquals("Relu,Div,Erf,Add,Mul,Mul", PassCheck.ops(m));
    }

    private static Model layerNorm(long opset, boolean pow) {
        G g = new G(opset).input("x", 2, 3, 8).output("y");
        g.weight("gamma", 0.5, 1.5, 8).weight("beta", -0.5, 0.5, 8).scalar("eps", 1e-5f).scalar("two", 2f).ints("axes", -1);
        Attribute[] axesAttr = opset >= 18 ? new Attribute[0] : new Attribute[] {Attribute.of("axes", new long[] {-1})};
        String axesIn = opset >= 18 ? ",axes" : "";
        g.node("mean", "ReduceMean", "x" + axesIn, "mu", axesAttr);
        g.node("sub", "Sub", "x,mu", "d");
        if (pow) g.node("sq", "Pow", "d,two", "d2");
        else g.node("sq", "Mul", "d,d", "d2");
        g.node("var", "ReduceMean", "d2" + axesIn, "v", axesAttr);
        g.node("addeps", "Add", "v,eps", "ve");
        g.node("sqrt", "Sqrt", "ve", "sd");
        g.node("div", "Div", "d,sd", "n");
        g.node("mul", "Mul", "n,gamma", "s");
        g.node("add", "Add", "s,beta", "y");
        return g.build();
    }

    @Test
    void layerNormPatternBecomesLayerNormalizationOrTheFusedFormBeforeOpset17() throws Exception {
        for (long opset : new long[] {13, 17, 18}) {
            Model m = layerNorm(opset, opset != 17);
            Model before = ModelCopy.of(m);
            PassCheck.run(m, "fuse-layernorm");
            assertEquals("LayerNormalization", PassCheck.ops(m));
            Node ln = m.graph().nodes().get(0);
            assertEquals(opset >= 17 ? "" : FusedOps.DOMAIN, ln.domain());
            assertEquals(9, ln.provenance().size());
            assertEquals(-1L, ln.attrLong("axis", 0));
            PassCheck.assertSameOutputs(before, m, 1e-5);
        }
    }
}
