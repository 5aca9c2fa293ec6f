package org.npustudio.passes.quant;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.ValueInfo;
import org.npustudio.legalize.FusedOps;
import org.npustudio.passes.GraphEdits;
import org.npustudio.passes.ModelCopy;
import org.npustudio.passes.StandardRules;
import org.npustudio.passes.ValueNames;
import org.npustudio.passes.numeric.OrtExecution;
import org.npustudio.runtime.TensorFiles;
import org.npustudio.runtime.OrtRunner;

/**
 * Post-training quantization in QDQ form, which ONNX Runtime runs as is: weights of Conv/Gemm/MatMul
 * (and fused forms) become per-channel symmetric int8 (or int4) initializers behind DequantizeLinear;
 * each such node's input activation gets a per-tensor asymmetric int8 QuantizeLinear → DequantizeLinear
 * pair with the range calibrated by running the fp32 model in ONNX Runtime. INT4 needs opset 21 for
 * QuantizeLinear/DequantizeLinear; below that int4 is emulated: int8 storage clamped to [-8, 7].
 */
public final class Quantizer {
    private Quantizer() {}

    public static QuantizationReport quantize(Model model, QuantConfig cfg) throws StudioException {
        Graph g = model.graph();
        long opset = GraphEdits.opset(model);
        if (opset < 13) throw new StudioException("quantize", "", "per-channel QDQ needs opset 13 or later; the model imports " + opset);
        List<Node> targets = new ArrayList<>();
        for (Node n : g.nodes()) if (quantizable(List.of(g), n, cfg) && cfg.precisionOf(n).integerWeights()) targets.add(n);
        LinkedHashSet<String> activations = new LinkedHashSet<>();
        for (Node n : targets) if (cfg.precisionOf(n).integerActivations()) activations.add(n.input(0));
        Map<String, double[]> ranges = activations.isEmpty() ? Map.of() : calibrate(model, activations, cfg);
        ValueNames names = ValueNames.deep(g);
        Map<String, String> dequantized = new HashMap<>();
        QuantizationReport report = new QuantizationReport();
        for (Node n : targets) {
            String x = n.input(0);
            double[] r = ranges.get(x);
            if (r != null) {
                String xdq = dequantized.get(x);
                if (xdq == null) {
                    xdq = quantizeActivation(model, g, n, x, r, names);
                    dequantized.put(x, xdq);
                }
                n.setInput(0, xdq);
            } else {
                r = new double[] {Double.NaN, Double.NaN}; // weight-only: the activation stays float
            }
            boolean int4 = cfg.precisionOf(n).weightBits() == 4;
            boolean emulated = int4 && opset < 21;
            quantizeWeight(model, List.of(g), n, int4, emulated, names);
            report.add(new QuantizationReport.Layer(n.id(), n.opType(), int4 ? 4 : 8, emulated, r[0], r[1], n.output(0), Double.NaN));
        }
        List<Map.Entry<Graph, String>> replaced = new ArrayList<>();
        quantizeBodies(model, List.of(g), cfg, names, report, replaced);
        // float weights a body captured and no longer reads (the bodies' edits are done, so look-ups are current)
        for (Map.Entry<Graph, String> e : replaced) {
            Graph owner = e.getKey();
            String w = e.getValue();
            if (owner.isInitializer(w) && owner.consumers(w).isEmpty() && !GraphEdits.isGraphOutput(owner, w)) owner.removeInitializer(w);
        }
        return report;
    }

    /**
     * Weights of the layers inside If/Loop/Scan bodies, at any depth: per-channel int8 behind a
     * DequantizeLinear in the body. Their input activations stay float: ONNX Runtime cannot expose a
     * value inside a body, so there is nothing to calibrate them with. Listed in the report without an
     * activation range or a layer SQNR (the model output's SQNR covers them).
     */
    private static void quantizeBodies(Model model, List<Graph> scope, QuantConfig cfg, ValueNames names,
                                       QuantizationReport report, List<Map.Entry<Graph, String>> replaced) {
        Graph g = scope.get(scope.size() - 1);
        long opset = GraphEdits.opset(model);
        for (Node n : List.copyOf(g.nodes())) {
            if (n.subgraphs().isEmpty()) continue;
            n.editSubgraphs(() -> {
                for (Graph body : n.subgraphs()) {
                    List<Graph> inner = new ArrayList<>(scope);
                    inner.add(body);
                    for (Node t : List.copyOf(body.nodes())) {
                        if (!quantizable(inner, t, cfg) || !cfg.precisionOf(t).integerWeights()) continue;
                        boolean int4 = cfg.precisionOf(t).weightBits() == 4;
                        Graph owner = owner(inner, t.input(1));
                        String w = t.input(1);
                        quantizeWeight(model, inner, t, int4, int4 && opset < 21, names);
                        if (owner != body) replaced.add(Map.entry(owner, w));
                        report.add(new QuantizationReport.Layer(t.id(), t.opType(), int4 ? 4 : 8, int4 && opset < 21,
                                Double.NaN, Double.NaN, "", Double.NaN));
                    }
                    quantizeBodies(model, inner, cfg, names, report, replaced);
                }
            });
        }
    }

    /** The innermost graph of {@code scope} that defines {@code value}, or null. */
    private static Graph owner(List<Graph> scope, String value) {
        for (int i = scope.size() - 1; i >= 0; i--) {
            Graph g = scope.get(i);
            if (g.isInitializer(value) || g.isGraphInput(value) || g.producer(value) != null) return g;
        }
        return null;
    }

    /** The constant {@code value} names as seen from the innermost graph of {@code scope}, or null. */
    private static Tensor constant(List<Graph> scope, String value) {
        Graph owner = owner(scope, value);
        return owner == null ? null : GraphEdits.constant(owner, value);
    }

    static boolean quantizable(List<Graph> scope, Node n, QuantConfig cfg) {
        boolean std = GraphEdits.isDefaultDomain(n), fused = FusedOps.DOMAIN.equals(n.domain());
        if (!(std || fused) || !cfg.ops().contains(n.opType())) return false;
        if (fused && !FusedOps.isFused(n.domain(), n.opType())) return false;
        Tensor w = constant(scope, n.input(1));
        if (w == null || w.dataType() != DataType.FLOAT) return false;
        if (n.opType().endsWith("Gemm") && n.attrLong("transA", 0) != 0) return false;
        if (n.opType().equals("MatMul") && w.dims().length != 2) return false;
        return !n.input(0).isEmpty() && constant(scope, n.input(0)) == null;
    }

    /** Runs the (legalized) fp32 model on the calibration inputs and returns each activation's range. */
    private static Map<String, double[]> calibrate(Model model, LinkedHashSet<String> activations, QuantConfig cfg)
            throws StudioException {
        Model runnable = ModelCopy.of(model);
        StandardRules.legalize(runnable);
        Model exposed = OrtExecution.exposing(runnable, activations);
        Map<String, RangeCollector> collectors = new LinkedHashMap<>();
        for (String a : activations) collectors.put(a, new RangeCollector(cfg.seed()));
        List<Map<String, Tensor>> feeds = calibrationInputs(model, cfg);
        try (OrtRunner session = OrtExecution.open(exposed)) {
            for (Map<String, Tensor> feed : feeds) {
                Map<String, Tensor> out = session.run(feed, List.copyOf(activations));
                for (Map.Entry<String, Tensor> e : out.entrySet()) collectors.get(e.getKey()).add(e.getValue().toFloats());
            }
        }
        Map<String, double[]> ranges = new HashMap<>();
        for (Map.Entry<String, RangeCollector> e : collectors.entrySet()) {
            ranges.put(e.getKey(), e.getValue().range(cfg.method(), cfg.percentile()));
        }
        return ranges;
    }

    static List<Map<String, Tensor>> calibrationInputs(Model model, QuantConfig cfg) throws StudioException {
        List<Map<String, Tensor>> feeds = new ArrayList<>();
        if (!cfg.calibrationData().isEmpty()) {
            List<ValueInfo> inputs = model.graph().inputs().stream().filter(v -> !model.graph().isInitializer(v.name())).toList();
            if (inputs.size() != 1) {
                throw new StudioException("quantize", "", "calibration files work for single-input models; this one has " + inputs.size());
            }
            for (java.nio.file.Path p : cfg.calibrationData()) {
                feeds.add(Map.of(inputs.get(0).name(), TensorFiles.read(p)));
            }
            return feeds;
        }
        for (int i = 0; i < cfg.samples(); i++) feeds.add(feed(model, cfg, cfg.seed() + i));
        return feeds;
    }

    /** Seeded random inputs (standard normal floats), with the configured fixed values in place. */
    static Map<String, Tensor> feed(Model model, QuantConfig cfg, long seed) {
        Map<String, Tensor> in = OrtExecution.randomInputs(model, seed);
        for (Map.Entry<String, Double> e : cfg.inputValues().entrySet()) {
            Tensor t = in.get(e.getKey());
            if (t == null) throw new IllegalArgumentException("quantize: input-values names '" + e.getKey() + "', which is not an input of the model");
            int n = Math.toIntExact(t.elementCount());
            double v = e.getValue();
            in.put(e.getKey(), switch (t.dataType()) {
                case FLOAT -> Tensor.ofFloats(t.name(), t.dims(), filled(n, (float) v));
                case INT64 -> Tensor.ofLongs(t.name(), t.dims(), java.util.stream.LongStream.generate(() -> (long) v).limit(n).toArray());
                case INT32 -> {
                    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 * n).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                    for (int i = 0; i < n; i++) b.putInt((int) v);
                    yield Tensor.raw(t.name(), DataType.INT32, t.dims(), b.array());
                }
                default -> throw new IllegalArgumentException("quantize: input-values cannot fill '" + e.getKey() + "' of type " + t.dataType());
            });
        }
        return in;
    }

    private static float[] filled(int n, float v) {
        float[] f = new float[n];
        java.util.Arrays.fill(f, v);
        return f;
    }

    private static String quantizeActivation(Model model, Graph g, Node reader, String x, double[] r, ValueNames names) {
        double scale = (r[1] - r[0]) / 255.0;
        if (scale == 0) scale = 1.0;
        long zp = Math.round(-128 - r[0] / scale);
        zp = Math.max(-128, Math.min(127, zp));
        String s = names.fresh(x + "_scale"), z = names.fresh(x + "_zero_point");
        g.putInitializer(Tensor.ofFloats(s, new long[0], new float[] {(float) scale}));
        g.putInitializer(Tensor.raw(z, DataType.INT8, new long[0], new byte[] {(byte) zp}));
        String q = names.fresh(x + "_quantized"), dq = names.fresh(x + "_dequantized");
        Node qn = node(model, reader.id() + "_input_q", "QuantizeLinear", List.of(x, s, z), q);
        Node dn = node(model, reader.id() + "_input_dq", "DequantizeLinear", List.of(q, s, z), dq);
        GraphEdits.insertBefore(g, reader, qn);
        GraphEdits.insertBefore(g, reader, dn);
        return dq;
    }

    /** Quantizes n's weight (seen through {@code scope}); the new tensors and the DequantizeLinear go in n's graph. */
    private static void quantizeWeight(Model model, List<Graph> scope, Node n, boolean int4, boolean emulated, ValueNames names) {
        Graph g = scope.get(scope.size() - 1);
        Tensor w = constant(scope, n.input(1));
        long[] dims = w.dims();
        int axis = switch (n.opType()) {
            case "MatMul" -> 1;
            case "Gemm", "FusedGemm" -> n.attrLong("transB", 0) != 0 ? 0 : 1;
            default -> 0;
        };
        int channels = (int) dims[axis];
        long inner = 1;
        for (int i = axis + 1; i < dims.length; i++) inner *= dims[i];
        float[] v = w.toFloats();
        double[] maxAbs = new double[channels];
        for (int i = 0; i < v.length; i++) {
            int c = (int) ((i / inner) % channels);
            maxAbs[c] = Math.max(maxAbs[c], Math.abs(v[i]));
        }
        int qmax = int4 ? 7 : 127, qmin = int4 ? -8 : -127;
        float[] scales = new float[channels];
        for (int c = 0; c < channels; c++) scales[c] = maxAbs[c] == 0 ? 1f : (float) (maxAbs[c] / qmax);
        byte[] q = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            int c = (int) ((i / inner) % channels);
            q[i] = (byte) Math.max(qmin, Math.min(qmax, Math.round(v[i] / scales[c])));
        }
        DataType type = int4 && !emulated ? DataType.INT4 : DataType.INT8;
        String wq = names.fresh(n.input(1) + (int4 ? "_int4" : "_int8"));
        String ws = names.fresh(n.input(1) + "_scale"), wz = names.fresh(n.input(1) + "_zero_point");
        g.putInitializer(Tensor.raw(wq, type, dims, type == DataType.INT4 ? packInt4(q) : q));
        g.putInitializer(Tensor.ofFloats(ws, new long[] {channels}, scales));
        g.putInitializer(Tensor.raw(wz, type, new long[] {channels}, type == DataType.INT4 ? packInt4(new byte[channels]) : new byte[channels]));
        String wdq = names.fresh(n.input(1) + "_dequantized");
        Node dn = node(model, n.id() + "_weight_dq", "DequantizeLinear", List.of(wq, ws, wz), wdq);
        dn.setAttribute(Attribute.of("axis", (long) axis));
        GraphEdits.insertBefore(g, n, dn);
        n.setInput(1, wdq);
    }

    /** Two int4 values per byte, the first in the low nibble (ONNX's packing). */
    private static byte[] packInt4(byte[] v) {
        byte[] out = new byte[(v.length + 1) / 2];
        for (int i = 0; i < v.length; i++) out[i / 2] |= (byte) ((v[i] & 0x0f) << (i % 2 == 0 ? 0 : 4));
        return out;
    }

    private static Node node(Model model, String base, String op, List<String> in, String out) {
        Node n = new Node(model.freshNodeId(base), "", op, "", in, List.of(out));
        n.setName(n.id());
        return n;
    }

    /**
     * Runs the fp32 and the quantized model (both legalized copies) on the same inputs and fills each
     * layer's output SQNR and the first model output's SQNR.
     */
    public static QuantizationReport evaluate(Model fp32, Model quantized, QuantizationReport report,
                                              List<Map<String, Tensor>> inputs) throws StudioException {
        Model a = ModelCopy.of(fp32), b = ModelCopy.of(quantized);
        StandardRules.legalize(a);
        StandardRules.legalize(b);
        List<String> outs = new ArrayList<>(new LinkedHashSet<>(report.layers().stream().map(QuantizationReport.Layer::output)
                .filter(o -> !o.isEmpty()).toList())); // "": a layer inside a body, which cannot be exposed
        String first = fp32.graph().outputs().get(0).name();
        outs.remove(first);
        outs.add(first);
        Model ea = OrtExecution.exposing(a, outs), eb = OrtExecution.exposing(b, outs);
        Map<String, double[]> acc = new HashMap<>();
        try (OrtRunner sa = OrtExecution.open(ea); OrtRunner sb = OrtExecution.open(eb)) {
            for (Map<String, Tensor> feed : inputs) {
                Map<String, Tensor> ra = sa.run(feed, outs), rb = sb.run(feed, outs);
                for (String o : outs) {
                    float[] x = ra.get(o).toFloats(), y = rb.get(o).toFloats();
                    double[] s = acc.computeIfAbsent(o, k -> new double[2]);
                    for (int i = 0; i < x.length; i++) {
                        s[0] += (double) x[i] * x[i];
                        s[1] += ((double) x[i] - y[i]) * ((double) x[i] - y[i]);
                    }
                }
            }
        }
        List<QuantizationReport.Layer> layers = report.layers();
        for (int i = 0; i < layers.size(); i++) report.set(i, layers.get(i).withSqnr(db(acc.get(layers.get(i).output()))));
        report.setOutputSqnr(db(acc.get(first)));
        return report;
    }

    private static double db(double[] s) {
        return s == null ? Double.NaN : s[1] == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(s[0] / s[1]);
    }

}
