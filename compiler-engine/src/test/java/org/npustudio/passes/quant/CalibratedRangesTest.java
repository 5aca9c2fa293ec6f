package org.npustudio.passes.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.Model;
import org.npustudio.onnx.ModelOpener;
import org.npustudio.onnx.OnnxWriter;
import org.npustudio.passes.ModelCopy;
import org.npustudio.passes.quant.sensitivity.AssignmentEvaluator;
import org.npustudio.plan.Precision;
import org.npustudio.testdata.TestData;

/** Ranges calibrated once give the very model the quantizer builds when it calibrates by itself. */
class CalibratedRangesTest {
    private static Model lenet() throws Exception {
        return AssignmentEvaluator.quantizable(ModelOpener.open(TestData.inCheckout("samples/models/lenet5.onnx")));
    }

    @Test
    void sharedRangesBuildTheSameModelForEveryLayerAndSetting() throws Exception {
        Model fp32 = lenet();
        QuantConfig d = QuantConfig.defaults();
        List<QuantConfig> configs = List.of(d,
                new QuantConfig("mse", d.percentile(), d.samples(), d.seed(), List.of(), Map.of(), Precision.INT8, d.ops(), Map.of(),
                        new QuantOptions(0, true, true, null)),
                new QuantConfig("percentile", d.percentile(), 4, 3, List.of(), Map.of(), Precision.INT8, d.ops(), Map.of()));
        List<String> layers = AssignmentEvaluator.quantizableLayers(fp32, d);
        assertEquals(5, layers.size());
        for (QuantConfig cfg : configs) {
            CalibratedRanges shared = CalibratedRanges.measure(fp32, cfg);
            assertEquals(layers.size(), shared.size(), "every layer's input activation is calibrated");
            for (String id : layers) {
                for (Precision p : List.of(Precision.INT8, Precision.INT4_W8A, Precision.INT8_W16A)) {
                    QuantConfig one = cfg.withLayers(Map.of(id, p), Precision.FP32);
                    Model a = ModelCopy.of(fp32), b = ModelCopy.of(fp32);
                    QuantizationReport ra = Quantizer.quantize(a, one), rb = Quantizer.quantize(b, one, shared);
                    String what = cfg.method() + " " + id + " " + p.key();
                    assertArrayEquals(OnnxWriter.toBytes(a), OnnxWriter.toBytes(b), what);
                    assertEquals(ra.layers().get(0).toString(), rb.layers().get(0).toString(), what);
                }
            }
            // the whole model at once (several layers read the ranges in one quantization)
            Model a = ModelCopy.of(fp32), b = ModelCopy.of(fp32);
            Quantizer.quantize(a, cfg);
            Quantizer.quantize(b, cfg, shared);
            assertArrayEquals(OnnxWriter.toBytes(a), OnnxWriter.toBytes(b), cfg.method() + " all layers");
        }
    }

    @Test
    void rangesOfAnotherMethodAreRefused() throws Exception {
        Model fp32 = lenet();
        CalibratedRanges minmax = CalibratedRanges.measure(fp32, QuantConfig.defaults());
        QuantConfig d = QuantConfig.defaults();
        QuantConfig mse = new QuantConfig("mse", d.percentile(), d.samples(), d.seed(), List.of(), Map.of(), Precision.INT8, d.ops(), Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Quantizer.quantize(ModelCopy.of(fp32), mse, minmax));
        assertEquals("quantize: ranges were calibrated with minmax, the configuration asks for mse", e.getMessage());
    }
}
