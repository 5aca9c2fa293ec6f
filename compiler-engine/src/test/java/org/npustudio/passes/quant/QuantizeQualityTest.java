package org.npustudio.passes.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.ir.Model;
import org.npustudio.ir.Shape;
import org.npustudio.ir.TypeInfo;
import org.npustudio.ir.ValueInfo;
import org.npustudio.onnx.OnnxReader;
import org.npustudio.onnx.OnnxWriter;
import org.npustudio.passes.ModelCopy;
import org.npustudio.passes.StandardRules;
import org.npustudio.plan.Precision;
import org.npustudio.runtime.OrtRunner;
import org.npustudio.shape.ShapeInference;
import org.npustudio.testdata.TestData;
import org.npustudio.testdata.TextImages;

/**
 * Quantization quality on real-weight models of the corpus with realistic inputs (rendered text images
 * for the PP-OCR classifier and detector), calibrated and evaluated on disjoint images. The thresholds
 * are the figures measured (docs/quantization.md) less a margin: a quality regression fails here.
 */
class QuantizeQualityTest {
    @TempDir Path tmp;

    static Model read(String file, long... dims) throws Exception {
        Model m = OnnxReader.read(TestData.realModelsDir().resolve(file));
        List<ValueInfo> ins = new ArrayList<>();
        for (ValueInfo v : m.graph().inputs()) {
            ins.add(v.type() instanceof TypeInfo.TensorType t ? v.withType(t.withShape(Shape.of(dims))) : v);
        }
        m.graph().setInputs(ins);
        ShapeInference.infer(m);
        return m;
    }

    private static QuantizationReport run(Model fp32, CalibrationSet images, Precision p, QuantOptions o, String method) throws Exception {
        Model m = ModelCopy.of(fp32);
        CalibrationSet[] split = images.holdOut();
        QuantConfig d = QuantConfig.defaults();
        QuantConfig cfg = new QuantConfig(method, d.percentile(), d.samples(), d.seed(), List.of(), Map.of(), p, d.ops(), Map.of(),
                o.withCalibration(split[0]));
        QuantizeJob.Result r = QuantizeJob.run(m, cfg, Map.of(), p, split[1]);
        Model legal = ModelCopy.of(m);
        StandardRules.legalize(legal);
        try (OrtRunner ort = OrtRunner.open(OnnxWriter.toBytes(legal), "quantized", OrtRunner.Options.DETERMINISTIC)) {
            assertTrue(!ort.run(split[1].feeds().get(0)).isEmpty());
        }
        return r.report();
    }

    private Map<String, QuantizationReport> measure(String name, Model fp32, CalibrationSet images) throws Exception {
        Map<String, Object[]> variants = new LinkedHashMap<>();
        variants.put("int8", new Object[] {Precision.INT8, QuantOptions.DEFAULT});
        variants.put("int8 percentile", new Object[] {Precision.INT8, QuantOptions.DEFAULT, "percentile"});
        variants.put("int8 entropy", new Object[] {Precision.INT8, QuantOptions.DEFAULT, "entropy"});
        variants.put("int8 mse", new Object[] {Precision.INT8, QuantOptions.DEFAULT, "mse"});
        variants.put("int8 mse +eq +bias", new Object[] {Precision.INT8, new QuantOptions(0, true, true, null), "mse"});
        variants.put("int8 +bias", new Object[] {Precision.INT8, new QuantOptions(0, true, false, null)});
        variants.put("int8 +eq +bias", new Object[] {Precision.INT8, new QuantOptions(0, true, true, null)});
        variants.put("int8w16a", new Object[] {Precision.INT8_W16A, QuantOptions.DEFAULT});
        variants.put("int8w16a +eq +bias", new Object[] {Precision.INT8_W16A, new QuantOptions(0, true, true, null)});
        for (int group : new int[] {32, 64, 128}) {
            variants.put("int8w16a g" + group, new Object[] {Precision.INT8_W16A, new QuantOptions(group, false, false, null)});
            variants.put("int8w16a +eq +bias g" + group, new Object[] {Precision.INT8_W16A, new QuantOptions(group, true, true, null)});
        }
        variants.put("int8 mse +eq +bias g32", new Object[] {Precision.INT8, new QuantOptions(32, true, true, null), "mse"});
        variants.put("int4w8a", new Object[] {Precision.INT4_W8A, QuantOptions.DEFAULT});
        variants.put("int4w16a g32", new Object[] {Precision.INT4_W16A, new QuantOptions(32, false, false, null)});
        variants.put("int4w16a g32 +bias", new Object[] {Precision.INT4_W16A, new QuantOptions(32, true, false, null)});
        variants.put("fp16", new Object[] {Precision.FP16, QuantOptions.DEFAULT});
        variants.put("bf16", new Object[] {Precision.BF16, QuantOptions.DEFAULT});
        Map<String, QuantizationReport> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object[]> v : variants.entrySet()) {
            QuantizationReport r = run(fp32, images, (Precision) v.getValue()[0], (QuantOptions) v.getValue()[1],
                    v.getValue().length > 2 ? (String) v.getValue()[2] : "minmax");
            out.put(v.getKey(), r);
            double[] w = r.layers().stream().mapToDouble(QuantizationReport.Layer::weightSqnrDb).sorted().toArray();
            System.out.printf(Locale.ROOT, "| %s | %s | %.1f dB | %s | weight SQNR min %.1f median %.1f dB, grouped %d of %d |%n", name,
                    v.getKey(), r.outputSqnrDb(),
                    Double.isNaN(r.top1Agreement()) ? "–" : String.format(Locale.ROOT, "%.0f%%", 100 * r.top1Agreement()),
                    w[0], w[w.length / 2], r.layers().stream().filter(l -> l.groupSize() > 0).count(), w.length);
            if (v.getKey().equals("int8") || v.getKey().startsWith("int8w16a +eq +bias")) QuantReportFiles.summary(r, name).forEach(System.out::println);
        }
        return out;
    }

    @Test
    void ppOcrDirectionClassifierOnTextImages() throws Exception {
        Model fp32 = read("ch_ppocr_mobile_v2.0_cls_infer.onnx", 1, 3, 48, 192);
        TextImages.write(tmp.resolve("cls"), 32, 192, 48, 7);
        CalibrationSet images = ImageInputs.read(fp32, tmp.resolve("cls"),
                new ImageInputs.Spec(48, 192, new double[] {0.5}, new double[] {0.5}, 1 / 255.0, false, false), Map.of());
        Map<String, QuantizationReport> r = measure("PP-OCR cls", fp32, images);
        // measured (docs/quantization.md): 18.3, 32.5, 29.4, 59.6 dB; mse + equalisation + bias correction reaches the 30 dB target
        above(r, "int8", 16);
        above(r, "int8 mse +eq +bias", 30);
        above(r, "int8w16a", 27);
        above(r, "fp16", 50);
        assertEquals(1.0, r.get("int8 mse +eq +bias").top1Agreement());
        // no layer's K (input channels) is a multiple of 32 and above it: int8 groups change nothing here
        assertEquals(r.get("int8w16a +eq +bias").outputSqnrDb(), r.get("int8w16a +eq +bias g32").outputSqnrDb(), 1e-9);
    }

    @Test
    void ppOcrDetectorOnTextImages() throws Exception {
        Model fp32 = read("ch_PP-OCRv4_det_infer.onnx", 1, 3, 320, 320);
        TextImages.write(tmp.resolve("det"), 8, 320, 320, 11);
        CalibrationSet images = ImageInputs.read(fp32, tmp.resolve("det"),
                new ImageInputs.Spec(0, 0, new double[] {0.485, 0.456, 0.406}, new double[] {0.229, 0.224, 0.225}, 1 / 255.0, false, false), Map.of());
        Map<String, QuantizationReport> r = measure("PP-OCRv4 det", fp32, images);
        // measured: 15.7 (minmax), 18.9 (percentile), 25.9 (weight-only), 56.3 dB (fp16); weight-only with int8 groups
        // of 32 along K: 29.0, with equalisation + bias correction 32.1 dB (per channel 29.1)
        above(r, "int8w16a g32", 28);
        above(r, "int8w16a +eq +bias g32", 31.3);
        above(r, "int8", 14);
        above(r, "int8 percentile", 17);
        above(r, "int8w16a", 24);
        above(r, "fp16", 50);
    }

    /**
     * openWakeWord's speech embedding CNN on features of synthetic voiced audio: harmonic series with a
     * gliding pitch, syllable envelopes and noise at 16 kHz (int16 scale), through the corpus's
     * melspectrogram model and openWakeWord's x/10 + 2 scaling, 76 frames per sample.
     */
    @Test
    void openWakeWordEmbeddingOnSyntheticSpeechFeatures() throws Exception {
        Model mel = read("melspectrogram.onnx", 1, 12560), fp32 = read("embedding_model.onnx", 1, 76, 32, 1);
        java.util.Random rnd = new java.util.Random(5);
        List<Map<String, org.npustudio.ir.Tensor>> feeds = new ArrayList<>();
        try (OrtRunner melRun = OrtRunner.open(OnnxWriter.toBytes(mel), "melspectrogram", OrtRunner.Options.DETERMINISTIC)) {
            for (int k = 0; k < 24; k++) {
                float[] audio = new float[12560];
                double f0 = 90 + 160 * rnd.nextDouble(), glide = (rnd.nextDouble() - 0.5) * 80, phase = 0;
                double syllable = 3 + 4 * rnd.nextDouble(), loud = 2000 + 8000 * rnd.nextDouble();
                for (int i = 0; i < audio.length; i++) {
                    double t = i / 16000.0, f = f0 + glide * t;
                    phase += 2 * Math.PI * f / 16000;
                    double v = 0;
                    for (int h = 1; h <= 12; h++) v += Math.sin(h * phase) / h * (1 + Math.cos(h * 0.7 + k));
                    double env = Math.max(0, Math.sin(Math.PI * syllable * t));
                    audio[i] = (float) (loud * env * v / 4 + 200 * rnd.nextGaussian());
                }
                Map<String, org.npustudio.ir.Tensor> in = Map.of("input", org.npustudio.ir.Tensor.ofFloats("input", new long[] {1, 12560}, audio));
                float[] spec = melRun.run(in).values().iterator().next().toFloats();
                assertEquals(76 * 32, spec.length);
                for (int i = 0; i < spec.length; i++) spec[i] = spec[i] / 10 + 2;
                feeds.add(Map.of("input_1", org.npustudio.ir.Tensor.ofFloats("input_1", new long[] {1, 76, 32, 1}, spec)));
            }
        }
        CalibrationSet features = new CalibrationSet("24 synthetic voiced clips through melspectrogram.onnx", feeds);
        Map<String, QuantizationReport> r = measure("openWakeWord embedding", fp32, features);
        // measured: 18.9 (minmax), 28.5 (mse + eq + bias), 19.6 / 33.2 (weight-only, plain / eq + bias), 44.6 dB (fp16)
        above(r, "int8", 17);
        above(r, "int8 mse +eq +bias", 26);
        above(r, "int8w16a +eq +bias", 31);
        above(r, "fp16", 42);
    }

    private static void above(Map<String, QuantizationReport> r, String variant, double db) {
        assertTrue(r.get(variant).outputSqnrDb() > db, variant + ": output SQNR " + r.get(variant).outputSqnrDb() + " dB, expected above " + db);
    }
}
