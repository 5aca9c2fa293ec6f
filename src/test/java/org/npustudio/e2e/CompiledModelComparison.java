package org.npustudio.e2e;

import ai.onnxruntime.OrtSession;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.Tensor;
import org.npustudio.onnx.OnnxReader;
import org.npustudio.onnx.OnnxWriter;
import org.npustudio.runtime.InputValues;
import org.npustudio.runtime.OrtRunner;
import org.npustudio.runtime.RandomInputs;
import org.npustudio.runtime.TensorComparison;
import org.npustudio.testdata.RealModel;

/**
 * Runs an original model and what {@code npustudio compile} wrote from it in ONNX Runtime on the same
 * inputs. The inputs are made for the compiled model's graph inputs, which carry the bound (static) shapes.
 */
final class CompiledModelComparison {
    private CompiledModelComparison() {}

    /**
     * fp32 passes on Gaussian inputs: every output within {@code tol} relative to the output's largest
     * magnitude, or within twice what ONNX Runtime's own graph optimiser changes on the same input (the
     * rounding floor any rewrite meets: a sigmoid output near 1e-7 resolves to about 6e-8).
     */
    static String compare(Path original, Path compiled, RealModel e, double tol) throws Exception {
        Model c = OnnxReader.read(compiled);
        Map<String, Tensor> inputs = inputs(c, e);
        Map<String, Tensor> originalInputs = withValues(original, inputs, e);
        Map<String, Tensor> want = run(original, originalInputs, OrtRunner.Options.DETERMINISTIC);
        Map<String, Tensor> got = run(compiled, inputs, OrtRunner.Options.DETERMINISTIC);
        Map<String, Tensor> floor = ortOptimised(original, originalInputs);
        double worst = 0;
        for (Map.Entry<String, Tensor> w : want.entrySet()) {
            Tensor g = got.get(w.getKey());
            if (g == null) return "output " + w.getKey() + " missing from the compiled model";
            TensorComparison cmp = TensorComparison.of(g, w.getValue());
            if (!cmp.sameShape() || !cmp.sameType()) return "output " + w.getKey() + ": " + cmp.describe();
            double scale = maxAbs(w.getValue());
            double ortFloor = floor == null ? 0 : TensorComparison.of(floor.get(w.getKey()), w.getValue()).maxAbsDiff();
            if (!cmp.allClose(tol, Math.max(tol * scale, 2 * ortFloor))) return "output " + w.getKey() + " differs: " + cmp.describe();
            worst = Math.max(worst, scale == 0 ? cmp.maxAbsDiff() : cmp.maxAbsDiff() / scale);
        }
        return RealModelCorpusTest.ok(String.format("%d → %d nodes, max diff %.1e of output scale",
                OnnxReader.read(original).graph().nodes().size(), c.graph().nodes().size(), worst));
    }

    /** int8: loads and runs in ONNX Runtime; the output SQNR against fp32 is reported. */
    static String quantized(Path original, Path quantized, RealModel e) throws Exception {
        Model q = OnnxReader.read(quantized);
        long qdq = dequantizers(q.graph());
        if (qdq == 0) return "no DequantizeLinear in the quantized model";
        Map<String, Tensor> inputs = inputs(q, e);
        Map<String, Tensor> want = run(original, withValues(original, inputs, e), OrtRunner.Options.DETERMINISTIC);
        Map<String, Tensor> got = run(quantized, inputs, OrtRunner.Options.DETERMINISTIC);
        double worst = Double.POSITIVE_INFINITY;
        for (Map.Entry<String, Tensor> w : want.entrySet()) {
            if (!w.getValue().dataType().isFloatingPoint()) continue;
            worst = Math.min(worst, sqnr(got.get(w.getKey()), w.getValue()));
        }
        return RealModelCorpusTest.ok(String.format("%d DequantizeLinear, output SQNR %.1f dB", qdq, worst));
    }

    /** Gaussian inputs for the compiled model's graph inputs (bound, static; specialised inputs are constants there). */
    private static Map<String, Tensor> inputs(Model m, RealModel e) throws Exception {
        return RandomInputs.forGraph(m.graph(), 7, RandomInputs.Distribution.GAUSSIAN);
    }

    /**
     * The original file still takes the inputs that {@code --input-value} specialised away (silero's sample
     * rate): they are added with their value, in the original input's declared shape and type.
     */
    private static Map<String, Tensor> withValues(Path original, Map<String, Tensor> inputs, RealModel e) throws Exception {
        Map<String, Tensor> in = new LinkedHashMap<>(inputs);
        List<String> texts = new java.util.ArrayList<>();
        e.values().forEach((k, v) -> { if (!in.containsKey(k)) texts.add(k + "=" + v); });
        in.putAll(InputValues.parse(texts, OnnxReader.read(original).graph())); // as --input-value fills them
        return in;
    }

    private static Map<String, Tensor> run(Path model, Map<String, Tensor> inputs, OrtRunner.Options options) throws Exception {
        // through our reader and writer, so external data is inlined (ONNX Runtime reading bytes has no folder to look in)
        try (OrtRunner r = OrtRunner.open(OnnxWriter.toBytes(OnnxReader.read(model)), model.getFileName().toString(), options)) {
            return r.run(inputs);
        }
    }

    /** The original under ONNX Runtime's full graph optimisation, or null where ORT cannot optimise it. */
    private static Map<String, Tensor> ortOptimised(Path model, Map<String, Tensor> inputs) {
        try {
            return run(model, inputs, OrtRunner.Options.DETERMINISTIC.withLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT));
        } catch (Exception ex) {
            return null;
        }
    }

    /** DequantizeLinear nodes in the graph and every If/Loop/Scan body (a body's layers get int8 weights there). */
    private static long dequantizers(Graph g) {
        long n = 0;
        ArrayDeque<Graph> todo = new ArrayDeque<>(List.of(g));
        while (!todo.isEmpty()) {
            for (Node node : todo.poll().nodes()) {
                if (node.opType().equals("DequantizeLinear")) n++;
                todo.addAll(node.subgraphs());
            }
        }
        return n;
    }

    private static double maxAbs(Tensor t) {
        double m = 0;
        for (double v : t.toDoubles()) if (Double.isFinite(v)) m = Math.max(m, Math.abs(v));
        return m;
    }

    private static double sqnr(Tensor q, Tensor ref) {
        double[] a = q.toDoubles();
        double[] b = ref.toDoubles();
        double signal = 0;
        double noise = 0;
        for (int i = 0; i < b.length; i++) {
            signal += b[i] * b[i];
            noise += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return noise == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(signal / noise);
    }
}
