package org.npustudio.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;

class PassManagerTest {
    static Model convBnRelu() {
        G g = new G(17).input("x", 1, 3, 8, 8).output("y");
        g.weight("w", -0.5, 0.5, 4, 3, 3, 3).weight("b", -0.1, 0.1, 4);
        g.weight("gamma", 0.5, 1.5, 4).weight("beta", -0.2, 0.2, 4).weight("mean", -0.1, 0.1, 4).weight("var", 0.5, 1.5, 4);
        g.node("conv", "Conv", "x,w,b", "c", Attribute.of("pads", 1L, 1L, 1L, 1L), Attribute.of("kernel_shape", 3L, 3L));
        g.node("bn", "BatchNormalization", "c,gamma,beta,mean,var", "n", Attribute.of("epsilon", 1e-5f));
        g.node("id", "Identity", "n", "i");
        g.node("relu", "Relu", "i", "y");
        return g.build();
    }

    @Test
    void recordsTimingChangesAndSnapshotsOnlyForChangingPasses() {
        Model m = convBnRelu();
        PipelineResult r = PassCheck.run(m, "remove-identities", "fold-batchnorm", "merge-pad", "fuse-activation");
        List<PassRecord> recs = r.records();
        assertEquals(4, recs.size());
        assertEquals(List.of(true, true, false, true), recs.stream().map(PassRecord::changed).toList());
        assertNull(recs.get(2).snapshot(), "a pass that changed nothing takes no snapshot");
        assertEquals(4, r.snapshots().size(), "input + three changing passes");
        assertTrue(recs.stream().allMatch(x -> x.nanos() > 0));
        assertEquals(recs.get(2).fingerprintBefore(), recs.get(2).fingerprintAfter());
        // Snapshots are frozen states: the BN is in the input snapshot and the one after remove-identities only.
        assertNotNull(r.input().model().graph().nodeById("bn"));
        assertNotNull(recs.get(0).snapshot().model().graph().nodeById("bn"));
        assertNull(recs.get(1).snapshot().model().graph().nodeById("bn"));
        assertEquals("FusedConv", m.graph().nodes().get(0).opType());
    }

    @Test
    void snapshotsShareWeightsButNotNodes() {
        Model m = convBnRelu();
        PipelineResult r = PassCheck.run(m, "remove-identities");
        Model snap = r.records().get(0).snapshot().model();
        assertSame(m.graph().initializers().get("w"), snap.graph().initializers().get("w"));
        Node live = m.graph().nodeById("conv"), copy = snap.graph().nodeById("conv");
        assertFalse(live == copy);
        live.setInput(0, "changed");
        assertEquals("x", copy.input(0), "editing the live graph leaves the snapshot alone");
    }

    @Test
    void aFailingPassStopsThePipelineNamesPassAndNodeAndRestoresTheLastGoodState() {
        Model m = convBnRelu();
        Pass exploding = new BasePass("explode-on-relu", PassOptions.of("explode-on-relu", List.of(), java.util.Map.of())) {
            @Override
            public boolean run(Model model, PassContext ctx) {
                for (Node n : List.copyOf(model.graph().nodes())) {
                    ctx.visit(n);
                    if (n.opType().equals("Conv")) model.graph().removeNode(n); // half-done damage
                    if (n.opType().equals("Relu")) throw new ArithmeticException("cannot handle this");
                }
                return true;
            }
        };
        Pipeline p = new Pipeline("t", List.of(PassRegistry.get("remove-identities").create(), exploding,
                PassRegistry.get("fold-batchnorm").create()));
        PipelineResult r = new PassManager().run(m, p);
        assertFalse(r.succeeded());
        assertEquals("explode-on-relu", r.failure().pass());
        assertEquals(2, r.failure().step());
        assertEquals("relu", r.failure().nodeId());
        assertTrue(r.failure().getMessage().contains("pass 'explode-on-relu' (step 2): node 'relu': Relu: ArithmeticException: cannot handle this"),
                r.failure().getMessage());
        assertEquals(1, r.records().size(), "the pass after the failure did not run");
        assertEquals("remove-identities", r.lastGoodSnapshot().afterPass());
        assertNotNull(m.graph().nodeById("conv"), "the model is restored to the last good snapshot");
        assertTrue(Verifier.check(m).isEmpty());
    }

    @Test
    void verifierStopsAPassThatBreaksTheGraph() {
        Model m = convBnRelu();
        Pass breaking = new BasePass("dangle", PassOptions.of("dangle", List.of(), java.util.Map.of())) {
            @Override
            public boolean run(Model model, PassContext ctx) {
                model.graph().nodeById("relu").setInput(0, "nowhere");
                return true;
            }
        };
        PipelineResult r = new PassManager().verifyAfterEachPass(true).run(m, new Pipeline("t", List.of(breaking)));
        assertFalse(r.succeeded());
        assertTrue(r.failure().getMessage().contains("input 'nowhere' is produced by no node"), r.failure().getMessage());
        assertEquals("i", m.graph().nodeById("relu").input(0));
    }

    @Test
    void fingerprintSeesAttributeAndWiringChanges() {
        Model m = convBnRelu();
        long a = Fingerprint.of(m);
        assertEquals(a, Fingerprint.of(ModelCopy.of(m)), "a structural copy has the same fingerprint");
        m.graph().nodeById("conv").setAttribute(Attribute.of("pads", 0L, 0L, 0L, 0L));
        long b = Fingerprint.of(m);
        assertFalse(a == b);
        m.graph().nodeById("relu").setInput(0, "n");
        assertFalse(b == Fingerprint.of(m));
    }

    @Test
    void defaultPipelineRunsUnderTheVerifier() throws Exception {
        Model m = convBnRelu();
        Model before = ModelCopy.of(m);
        PipelineResult r = new PassManager().verifyAfterEachPass(true).run(m, Pipeline.defaultPipeline());
        assertTrue(r.succeeded(), () -> r.failure().getMessage());
        assertEquals("FusedConv", PassCheck.ops(m));
        PassCheck.assertSameOutputs(before, m, 1e-4);
    }
}
