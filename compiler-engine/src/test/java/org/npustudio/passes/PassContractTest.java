package org.npustudio.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.Model;

/** PassManager holds passes to their contracts, and OutputCheck stops what ONNX Runtime would refuse. */
class PassContractTest {
    private static Pass pass(String name, PassContract contract, java.util.function.BiFunction<Model, PassContext, Boolean> body) {
        return new BasePass(name, PassOptions.of(name, List.of(), Map.of())) {
            @Override public PassContract contract() { return contract; }

            @Override public boolean run(Model model, PassContext ctx) { return body.apply(model, ctx); }
        };
    }

    /** x -> Conv -> Relu -> Conv -> BatchNormalization -> y */
    static Model convReluConvBn() {
        G g = new G(17).input("x", 1, 3, 8, 8).output("y");
        g.weight("w", -0.5, 0.5, 4, 3, 3, 3).weight("w2", -0.5, 0.5, 4, 4, 1, 1);
        g.weight("gamma", 0.5, 1.5, 4).weight("beta", -0.2, 0.2, 4).weight("mean", -0.1, 0.1, 4).weight("var", 0.5, 1.5, 4);
        g.node("conv", "Conv", "x,w", "c", Attribute.of("pads", 1L, 1L, 1L, 1L));
        g.node("relu", "Relu", "c", "r");
        g.node("conv2", "Conv", "r,w2", "c2");
        g.node("bn", "BatchNormalization", "c2,gamma,beta,mean,var", "y");
        return g.build();
    }

    @Test
    void aPassWhoseRequirementFailsIsSkippedWithTheReason() {
        Model m = convReluConvBn();
        PipelineResult r = new PassManager().run(m, Pipeline.of("t", "fuse-activation", "fold-batchnorm"));
        assertTrue(r.succeeded(), () -> r.failure().getMessage());
        PassRecord fold = r.records().get(1);
        assertTrue(fold.wasSkipped());
        assertTrue(fold.skipped().startsWith("no fused operators: fused operator FusedConv"), fold.skipped());
        assertNotNull(m.graph().nodeById("bn"), "the BN was left alone, and the log says why");
        assertNull(r.records().get(0).skipped());
    }

    @Test
    void anOpsetRequirementNamesBothVersions() {
        Model m = PassManagerTest.convBnRelu();
        Pass needs20 = pass("needs-20", PassContract.requires(PassContract.opsetAtLeast(20)), (model, ctx) -> false);
        PipelineResult r = new PassManager().run(m, new Pipeline("t", List.of(needs20)));
        assertEquals("opset >= 20: the model imports opset 17, this pass needs 20 or later", r.records().get(0).skipped());
    }

    @Test
    void aPassThatSaysUnchangedAfterChangingFails() {
        Model m = PassManagerTest.convBnRelu();
        Pass liar = pass("liar", PassContract.NONE, (model, ctx) -> {
            model.graph().nodeById("conv").setAttribute(Attribute.of("pads", 0L, 0L, 0L, 0L));
            return false;
        });
        PipelineResult r = new PassManager().run(m, new Pipeline("t", List.of(liar)));
        assertFalse(r.succeeded());
        assertTrue(r.failure().getMessage().contains("said it changed nothing but changed the graph"), r.failure().getMessage());
        assertEquals(1L, m.graph().nodeById("conv").attrLongs("pads")[0], "restored");
    }

    @Test
    void aPassThatBreaksWhatItProvidesFails() {
        Model m = convReluConvBn();
        Pass fuses = pass("claims-legal", PassContract.NONE.andProvides(PassContract.NO_FUSED_OPS),
                (model, ctx) -> PassRegistry.get("fuse-activation").create().run(model, ctx));
        PipelineResult r = new PassManager().run(m, new Pipeline("t", List.of(fuses)));
        assertFalse(r.succeeded());
        assertTrue(r.failure().getMessage().contains("did not deliver what it provides: no fused operators"), r.failure().getMessage());
    }

    @Test
    void outputCheckNamesThePassAfterWhichOnnxRuntimeRefusesTheModel() {
        Model m = PassManagerTest.convBnRelu();
        // An attribute Relu does not define: the ONNX checker's structural rules pass, ONNX Runtime refuses it.
        Pass annotate = pass("annotate", PassContract.NONE, (model, ctx) -> {
            model.graph().nodeById("relu").setAttribute(Attribute.of("colour", 3L));
            return true;
        });
        PipelineResult r = new PassManager().run(m, new Pipeline("t", List.of(PassRegistry.get("remove-identities").create(), annotate)));
        assertTrue(r.succeeded(), () -> r.failure().getMessage());
        Model legal = ModelCopy.of(m);
        StandardRules.legalize(legal);
        OutputCheck.Outcome o = OutputCheck.check(legal, "out.onnx", r);
        assertFalse(o.ok());
        assertTrue(o.problem().startsWith("ONNX Runtime refuses the compiled model (first after pass 'annotate', step 2): "), o.problem());
        assertFalse(o.problem().contains("\n"));
        Model fine = ModelCopy.of(r.input().model());
        assertTrue(OutputCheck.check(fine, "in.onnx", null).ok());
    }
}
