package org.npustudio.passes.opset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.Tensor;
import org.npustudio.passes.G;
import org.npustudio.passes.ModelCopy;
import org.npustudio.passes.PassCheck;
import org.npustudio.passes.Verifier;

/**
 * Opset 9 graphs using every operator whose signature or meaning changed before 13, lifted to 13:
 * ONNX Runtime runs both (each under its own opset) and gives the same outputs.
 */
class OpsetConverterTest {
    /** Clip, Pad, Slice, Unsqueeze/Squeeze, Split, ReduceSum with attributes; Upsample; Softmax on axis 1 of a 3-D tensor. */
    static Model opset9() {
        G g = new G(9).input("x", 1, 2, 3, 4).output("soft").output("up").output("parts0").output("sum");
        g.node("clip", "Clip", "x", "c", Attribute.of("min", -0.5f), Attribute.of("max", 0.5f));
        g.node("pad", "Pad", "c", "p", Attribute.of("pads", 0L, 0L, 1L, 1L, 0L, 0L, 1L, 1L), Attribute.of("value", 0.25f));
        g.node("slice", "Slice", "p", "s", Attribute.of("starts", new long[] {1}), Attribute.of("ends", new long[] {4}), Attribute.of("axes", new long[] {2}));
        g.node("unsq", "Unsqueeze", "s", "u", Attribute.of("axes", new long[] {0}));
        g.node("sq", "Squeeze", "u", "q", Attribute.of("axes", new long[] {0}));
        g.node("split", "Split", "q", "parts0,parts1", Attribute.of("axis", 3L), Attribute.of("split", 2L, 4L));
        g.node("sum", "ReduceSum", "parts1", "sum", Attribute.of("axes", new long[] {3}), Attribute.of("keepdims", 0L));
        g.node("flat", "Reshape", "x,shape", "x3");
        g.ints("shape", 1, 2, 12);
        g.node("soft", "Softmax", "x3", "soft", Attribute.of("axis", 1L));
        g.floats("scales", new long[] {4}, 1, 1, 2, 2);
        g.node("up", "Upsample", "x,scales", "up", Attribute.of("mode", "nearest"));
        g.node("drop", "Dropout", "x", "d", Attribute.of("ratio", 0.3f));
        return g.build();
    }

    @Test
    void liftedOpset9ModelComputesTheSame() throws Exception {
        Model before = opset9();
        Model after = ModelCopy.of(before);
        int rewritten = OpsetConverter.toOpset13(after);
        assertEquals(13, after.opsetVersion(""));
        assertEquals(10, rewritten, "clip, pad, slice, unsqueeze, squeeze, split, sum, softmax, upsample, dropout");
        assertTrue(Verifier.check(after).isEmpty(), () -> Verifier.check(after).toString());
        Node clip = after.graph().nodeById("clip");
        assertEquals(3, clip.inputs().size());
        assertNull(clip.attribute("min"));
        assertEquals("Resize", after.graph().nodeById("up").opType());
        assertEquals(List.of("Shape", "Flatten", "Softmax", "Reshape"), after.graph().topologicalOrder().stream()
                .filter(n -> n.id().startsWith("soft")).map(Node::opType).toList(), "axis 1 of 3 dims: flatten, softmax, restore");
        PassCheck.assertSameOutputs(before, after, 1e-6);
    }

    @Test
    void convertOpsetPassLiftsInAPipelineAndSaysSo() {
        Model m = opset9();
        var r = PassCheck.run(m, "convert-opset", "convert-opset");
        assertEquals(13, m.opsetVersion(""));
        assertTrue(r.records().get(0).changed());
        assertTrue(r.records().get(0).notes().get(0).startsWith("opset 9 -> 13: 10 nodes rewritten"), r.records().get(0).notes().toString());
        assertTrue(!r.records().get(1).changed(), "a second run finds nothing to do");
    }

    @Test
    void softmaxOnTheLastAxisStaysOneNode() throws Exception {
        G g = new G(11).input("x", 2, 5).output("y");
        g.node("soft", "Softmax", "x", "y");
        Model before = g.build(), after = ModelCopy.of(before);
        OpsetConverter.toOpset13(after);
        assertEquals("Softmax", PassCheck.ops(after));
        assertEquals(1L, after.graph().nodeById("soft").attrLong("axis", -1));
        PassCheck.assertSameOutputs(before, after, 0);
    }

    @Test
    void tooOldOrUnconvertibleIsOneLineNamingWhy() {
        G g = new G(6).input("x", 1, 2).output("y");
        g.node("relu", "Relu", "x", "y");
        StudioException e = org.junit.jupiter.api.Assertions.assertThrows(StudioException.class, () -> OpsetConverter.toOpset13(g.model));
        assertTrue(e.getMessage().contains("opset 6 is older than 7"), e.getMessage());
        G b = new G(8).input("x", 1, 2, 3).output("y");
        b.floats("s", new long[] {2}, 1, 1).floats("bias", new long[] {2}, 0, 0).floats("m", new long[] {2}, 0, 0).floats("v", new long[] {2}, 1, 1);
        b.node("bn", "BatchNormalization", "x,s,bias,m,v", "y", Attribute.of("spatial", 0L));
        StudioException e2 = org.junit.jupiter.api.Assertions.assertThrows(StudioException.class, () -> OpsetConverter.toOpset13(b.model));
        assertTrue(e2.getMessage().contains("node 'bn' (BatchNormalization)") && e2.getMessage().contains("spatial=0"), e2.getMessage());
    }

}
