package org.npustudio.passes.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.Tensor;
import org.npustudio.passes.G;
import org.npustudio.passes.ModelCopy;
import org.npustudio.passes.numeric.OrtExecution;
import org.npustudio.plan.Precision;

/** Every precision the quantizer writes loads and runs in ONNX Runtime, and the refinements do what they claim. */
class QuantFormatsTest {
    /** x (1x128) → MatMul 128→16 → Relu → Gemm 16→4 (transB) with bias. */
    static Model mlp(long opset) {
        G g = new G(opset).input("x", 1, 128).output("y");
        g.weight("w1", -0.3, 0.3, 128, 16).weight("w2", -0.5, 0.5, 4, 16).weight("b2", -0.1, 0.1, 4);
        g.node("mm", "MatMul", "x,w1", "h");
        g.node("relu", "Relu", "h", "r");
        g.node("fc", "Gemm", "r,w2,b2", "y", org.npustudio.ir.Attribute.of("transB", 1L));
        return g.build();
    }

    private static QuantizationReport quantize(Model m, Precision p, QuantOptions o) throws Exception {
        Model fp32 = ModelCopy.of(m);
        QuantConfig cfg = QuantConfig.defaults().withLayers(Map.of(), p).withOptions(o);
        QuantizationReport r = Quantizer.quantize(m, cfg);
        return Quantizer.evaluate(fp32, m, r, CalibrationSet.random(fp32, cfg, 4, 99));
    }

    @Test
    void everyPrecisionRunsInOnnxRuntimeWithItsExpectedAccuracy() throws Exception {
        Map<Precision, Double> floor = Map.of(Precision.INT8, 30.0, Precision.INT8_W16A, 35.0, Precision.INT4_W8A, 12.0,
                Precision.INT4_W16A, 12.0, Precision.FP16, 55.0, Precision.BF16, 35.0);
        for (Precision p : floor.keySet()) {
            for (int group : p.weightBits() == 4 ? new int[] {0, 32, 64} : new int[] {0}) {
                Model m = QuantizePassTest.net(17);
                QuantizationReport r = quantize(m, p, new QuantOptions(group, false, false, null));
                System.out.printf("%s group %d: output %.1f dB%n", p.key(), group, r.outputSqnrDb());
                assertTrue(r.outputSqnrDb() > floor.get(p) && r.outputSqnrDb() < 200, p + " " + r.outputSqnrDb());
                assertEquals(3, r.layers().size());
                assertTrue(r.layers().stream().allMatch(l -> l.precision().equals(p.key())));
                OrtExecution.run(m, OrtExecution.randomInputs(m, 3)); // the written model loads and runs
                long casts = m.graph().nodes().stream().filter(n -> n.opType().equals("Cast")).count();
                long qs = m.graph().nodes().stream().filter(n -> n.opType().equals("QuantizeLinear")).count();
                assertEquals(p.integerActivations() ? 3 : 0, qs, p.key());
                assertEquals(p.activationBits() == 16 ? 6 + (p.integerWeights() ? 0 : 3) : 0, casts, p.key());
            }
        }
    }

    @Test
    void blocksAlongKEmulatedBelowOpset21GiveWhatDequantizeLinearBlockSizeGivesAt21() throws Exception {
        for (Precision p : List.of(Precision.INT4_W16A, Precision.INT8_W16A)) {
            boolean int4 = p.weightBits() == 4;
            Model emulated = mlp(17), nativeBlocks = mlp(21);
            QuantizationReport re = quantize(emulated, p, new QuantOptions(32, false, false, null));
            QuantizationReport rn = quantize(nativeBlocks, p, new QuantOptions(32, false, false, null));
            // MatMul K = 128: 4 blocks of 32; Gemm K = 16 < 32: per channel
            assertEquals(List.of(32, 0), re.layers().stream().map(QuantizationReport.Layer::groupSize).toList());
            assertEquals(int4, re.layers().get(0).emulatedInt4());
            assertTrue(!rn.layers().get(0).emulatedInt4());
            Node dq = nativeBlocks.graph().nodes().stream().filter(n -> n.id().startsWith("mm_weight_dq")).findFirst().orElseThrow();
            assertEquals(32, dq.attrLong("block_size", 0));
            assertEquals(0, dq.attrLong("axis", -1));
            assertEquals(int4 ? DataType.INT4 : DataType.INT8, nativeBlocks.graph().initializers().get(dq.input(0)).dataType());
            assertTrue(emulated.graph().nodes().stream().anyMatch(n -> n.opType().equals("Reshape")));
            Map<String, Tensor> in = OrtExecution.randomInputs(emulated, 8);
            float[] a = OrtExecution.run(emulated, in).get("y").toFloats(), b = OrtExecution.run(nativeBlocks, in).get("y").toFloats();
            for (int i = 0; i < a.length; i++) assertEquals(a[i], b[i], 1e-5 * Math.max(1, Math.abs(a[i])), p.key() + " output " + i);
            assertEquals(re.outputSqnrDb(), rn.outputSqnrDb(), 0.01);
            // where the rows of K differ in range, blocks beat one scale per channel on the same layer
            Model uneven = mlp(17), unevenPerChannel;
            float[] w = uneven.graph().initializers().get("w1").toFloats();
            for (int i = 0; i < 32 * 16; i++) w[i] *= 8;
            uneven.graph().putInitializer(Tensor.ofFloats("w1", new long[] {128, 16}, w));
            unevenPerChannel = ModelCopy.of(uneven);
            QuantizationReport blocks = quantize(uneven, p, new QuantOptions(32, false, false, null));
            QuantizationReport perChannel = quantize(unevenPerChannel, p, QuantOptions.DEFAULT);
            System.out.printf("%s weights, uneven K rows: %.1f dB per channel, %.1f dB per block of 32%n", p.key(),
                    perChannel.layers().get(0).weightSqnrDb(), blocks.layers().get(0).weightSqnrDb());
            assertTrue(blocks.layers().get(0).weightSqnrDb() > perChannel.layers().get(0).weightSqnrDb() + 3,
                    blocks.layers().get(0).weightSqnrDb() + " vs " + perChannel.layers().get(0).weightSqnrDb());
        }
    }

    @Test
    void equalisationKeepsTheFp32OutputsAndEvensChannelRanges() throws Exception {
        Model m = QuantizePassTest.net(17);
        // make conv1's channels very unequal, as depthwise-separable networks' are
        Tensor w1 = m.graph().initializers().get("w1");
        float[] v = w1.toFloats();
        for (int i = 0; i < v.length; i++) v[i] *= (i / 27 % 2 == 0) ? 20 : 0.05f;
        m.graph().putInitializer(Tensor.ofFloats("w1", w1.dims(), v));
        Model before = ModelCopy.of(m);
        QuantizationReport r = new QuantizationReport();
        Equalizer.equalize(m, r);
        assertEquals(1, r.equalizedPairs()); // conv1 → relu → conv2; conv2 → relu → pool is not a pair
        assertNotEquals(before.graph().initializers().get("w1").toFloats()[0], m.graph().initializers().get("w1").toFloats()[0]);
        Map<String, Tensor> in = OrtExecution.randomInputs(m, 4);
        float[] a = OrtExecution.run(before, in).get("y").toFloats(), b = OrtExecution.run(m, in).get("y").toFloats();
        for (int i = 0; i < a.length; i++) assertEquals(a[i], b[i], 1e-4 * Math.max(1, Math.abs(a[i])));
        QuantizationReport plain = quantize(ModelCopy.of(before), Precision.INT4_W16A, QuantOptions.DEFAULT);
        QuantizationReport equalized = quantize(ModelCopy.of(before), Precision.INT4_W16A, new QuantOptions(0, false, true, null));
        System.out.printf("int4w16a: %.1f dB plain, %.1f dB equalised%n", plain.outputSqnrDb(), equalized.outputSqnrDb());
        assertTrue(equalized.outputSqnrDb() > plain.outputSqnrDb(), equalized.outputSqnrDb() + " vs " + plain.outputSqnrDb());
    }

    @Test
    void equalisationAcrossClipCarriesTheBoundPerChannelAndKeepsTheFp32Outputs() throws Exception {
        G g = new G(17).input("x", 1, 3, 8, 8).output("y");
        g.weight("w1", -1, 1, 4, 3, 1, 1).weight("w2", -1, 1, 4, 4, 1, 1).weight("w3", -1, 1, 4, 4, 1, 1).scalar("lo", 0).scalar("hi", 6);
        g.node("c1", "Conv", "x,w1", "a");
        g.node("clip", "Clip", "a,lo,hi", "b");
        g.node("c2", "Conv", "b,w2", "c");
        g.node("hs", "HardSwish", "c", "d");
        g.node("c3", "Conv", "d,w3", "y");
        Model m = g.build();
        // unequal channels whose largest values the Clip does cut at 6
        float[] v = m.graph().initializers().get("w1").toFloats();
        for (int i = 0; i < v.length; i++) v[i] *= (i / 3 % 2 == 0) ? 20 : 0.05f;
        m.graph().putInitializer(Tensor.ofFloats("w1", new long[] {4, 3, 1, 1}, v));
        Model before = ModelCopy.of(m);
        QuantizationReport r = new QuantizationReport();
        Equalizer.equalize(m, r);
        assertEquals(1, r.equalizedPairs(), "conv1 -> clip -> conv2");
        assertEquals(1, r.equalizationSkipped(), "conv2 -> hardswish -> conv3");
        assertNotEquals(v[0], m.graph().initializers().get("w1").toFloats()[0]);
        List<String> ops = m.graph().nodes().stream().map(Node::opType).toList();
        assertEquals(List.of("Conv", "Max", "Min", "Conv", "HardSwish", "Conv"), ops);
        Map<String, Tensor> in = OrtExecution.randomInputs(m, 4);
        float[] a = OrtExecution.run(before, in).get("y").toFloats(), b = OrtExecution.run(m, in).get("y").toFloats();
        for (int i = 0; i < a.length; i++) assertEquals(a[i], b[i], 1e-4 * Math.max(1, Math.abs(a[i])), "output " + i);
        // the bound matters here: the same scaling with the scalar bound kept would change the outputs
        Model exposed = OrtExecution.exposing(before, List.of("b"));
        float[] clipped = OrtExecution.run(exposed, in, List.of("b")).get("b").toFloats();
        boolean cut = false;
        for (float x : clipped) cut |= x == 6f;
        assertTrue(cut, "the test input reaches the Clip's bound");
    }

    @Test
    void biasCorrectionRemovesTheMeanOutputShiftOfWeightQuantization() throws Exception {
        // inputs with a large common mean: weight error times that mean is a systematic shift
        G g = new G(17).input("x", 1, 64).output("y");
        g.weight("w", -0.5, 0.5, 8, 64).weight("b", -0.1, 0.1, 8);
        g.node("fc", "Gemm", "x,w,b", "y", org.npustudio.ir.Attribute.of("transB", 1L));
        Model fp32 = g.build();
        List<Map<String, Tensor>> feeds = new ArrayList<>();
        java.util.Random rnd = new java.util.Random(1);
        for (int k = 0; k < 16; k++) {
            float[] x = new float[64];
            for (int i = 0; i < 64; i++) x[i] = (float) (3 + rnd.nextGaussian());
            feeds.add(Map.of("x", Tensor.ofFloats("x", new long[] {1, 64}, x)));
        }
        CalibrationSet set = new CalibrationSet("test", feeds);
        double[] shift = new double[2];
        for (int bc = 0; bc < 2; bc++) {
            Model m = ModelCopy.of(fp32);
            Quantizer.quantize(m, QuantConfig.defaults().withLayers(Map.of(), Precision.INT4_W16A)
                    .withOptions(new QuantOptions(0, bc == 1, false, set)));
            for (Map<String, Tensor> f : feeds) {
                float[] a = OrtExecution.run(fp32, f).get("y").toFloats(), b = OrtExecution.run(m, f).get("y").toFloats();
                for (int i = 0; i < a.length; i++) shift[bc] += (b[i] - a[i]) / feeds.size();
            }
        }
        System.out.printf("mean output shift: %.4f without, %.4f with bias correction%n", shift[0], shift[1]);
        assertTrue(Math.abs(shift[1]) < Math.abs(shift[0]) / 10, shift[0] + " -> " + shift[1]);
    }
}
