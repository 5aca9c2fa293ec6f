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
import org.npustudio.legalize.FusedOps;
import org.npustudio.passes.GraphEdits;
import org.npustudio.passes.ModelCopy;
import org.npustudio.passes.StandardRules;
import org.npustudio.passes.ValueNames;
import org.npustudio.passes.numeric.OrtExecution;
import org.npustudio.runtime.OrtRunner;
import org.npustudio.plan.Precision;

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
        return quantize(model, cfg, null);
    }

    /**
     * As {@link #quantize(Model, QuantConfig)} with activation ranges (and bias-correction means) measured
     * beforehand by {@link CalibratedRanges#measure} on the same fp32 model and settings; only what they
     * lack is calibrated here (nothing, for a model they were measured on). {@code ranges} null: calibrate.
     */
    public static QuantizationReport quantize(Model model, QuantConfig cfg, CalibratedRanges ranges) throws StudioException {
        Graph g = model.graph();
        long opset = GraphEdits.opset(model);
        if (opset < 13) throw new StudioException("quantize", "", "per-channel QDQ needs opset 13 or later; the model imports " + opset);
        QuantOptions opt = cfg.options();
        QuantizationReport report = new QuantizationReport();
        if (opt.equalize()) Equalizer.equalize(model, report);
        List<Node> targets = new ArrayList<>();
        for (Node n : g.nodes()) if (quantizable(List.of(g), n, cfg) && cfg.precisionOf(n) != Precision.FP32) targets.add(n);
        LinkedHashSet<String> activations = new LinkedHashSet<>(), means = new LinkedHashSet<>();
        for (Node n : targets) {
            Precision p = cfg.precisionOf(n);
            if (p.integerActivations()) activations.add(n.input(0));
            if (opt.biasCorrection() && p.integerWeights() && BiasCorrection.applies(g, n)) means.add(n.input(0));
        }
        Calibration stats;
        if (ranges == null) {
            CalibrationSet calib = calibrationSet(model, cfg);
            report.setCalibrationSource(calib.source());
            stats = activations.isEmpty() && means.isEmpty() ? Calibration.EMPTY : calibrate(model, activations, means, cfg, calib);
        } else {
            report.setCalibrationSource(ranges.source());
            stats = ranges.calibration(cfg);
            activations.removeAll(stats.ranges().keySet());
            means.removeAll(stats.means().keySet());
            if (!activations.isEmpty() || !means.isEmpty()) {
                Calibration more = calibrate(model, activations, means, cfg, calibrationSet(model, cfg));
                stats.ranges().putAll(more.ranges());
                stats.means().putAll(more.means());
            }
        }
        ValueNames names = ValueNames.deep(g);
        Map<String, String> rewired = new HashMap<>();
        for (Node n : targets) {
            Precision p = cfg.precisionOf(n);
            String x = n.input(0);
            final double[] range = stats.ranges().get(x);
            double[] r = range;
            if (p.integerActivations()) {
                n.setInput(0, rewired.computeIfAbsent(x + "|q", k -> quantizeActivation(model, g, n, x, range, names)));
            } else {
                // 16-bit activations: the input is rounded through fp16 (bf16 for BF16) and computed in fp32
                boolean bf16 = p == Precision.BF16;
                n.setInput(0, rewired.computeIfAbsent(x + (bf16 ? "|bf16" : "|fp16"), k -> roundThrough(model, g, n, x, bf16, names)));
                r = new double[] {Double.NaN, Double.NaN};
            }
            int group = 0;
            boolean emulated = false;
            double shift = Double.NaN, weightSqnr;
            Tensor w = constant(List.of(g), n.input(1));
            if (p.integerWeights()) {
                WeightPlacement wp = quantizeWeight(model, List.of(g), n, p.weightBits(), opt.groupSize(), names);
                group = wp.group();
                emulated = wp.emulated();
                double[] mean = stats.means().get(x);
                if (mean != null) shift = BiasCorrection.correct(model, g, n, w, wp.dequantized(), mean, names);
                weightSqnr = QuantizationReport.sqnrDb(w.toFloats(), wp.dequantized());
            } else {
                weightSqnr = QuantizationReport.sqnrDb(w.toFloats(), storeWeight16(model, g, n, p == Precision.BF16, names));
            }
            report.add(new QuantizationReport.Layer(n.id(), n.opType(), p.weightBits(), emulated, r[0], r[1], n.output(0), Double.NaN,
                    p.key(), group, shift, weightSqnr));
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

    /** Activation ranges and per-channel input means (for bias correction) from the calibration runs. */
    record Calibration(Map<String, double[]> ranges, Map<String, double[]> means) {
        static final Calibration EMPTY = new Calibration(Map.of(), Map.of());
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
        for (Node n : List.copyOf(g.nodes())) {
            if (n.subgraphs().isEmpty()) continue;
            n.editSubgraphs(() -> {
                for (Graph body : n.subgraphs()) {
                    List<Graph> inner = new ArrayList<>(scope);
                    inner.add(body);
                    for (Node t : List.copyOf(body.nodes())) {
                        if (!quantizable(inner, t, cfg) || !cfg.precisionOf(t).integerWeights()) continue;
                        Precision p = cfg.precisionOf(t);
                        Graph owner = owner(inner, t.input(1));
                        String w = t.input(1);
                        Tensor constantBefore = constant(inner, w);
                        WeightPlacement wp = quantizeWeight(model, inner, t, p.weightBits(), cfg.options().groupSize(), names);
                        if (owner != body) replaced.add(Map.entry(owner, w));
                        report.add(new QuantizationReport.Layer(t.id(), t.opType(), p.weightBits(), wp.emulated(),
                                Double.NaN, Double.NaN, "", Double.NaN, p.key(), wp.group(), Double.NaN,
                                QuantizationReport.sqnrDb(constantBefore.toFloats(), wp.dequantized())));
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

    /**
     * Runs the (legalized) fp32 model on the calibration inputs: the range of each of {@code activations}
     * and the per-channel mean (axis 1 for rank ≥ 3, else the last axis) of each of {@code means}.
     */
    static Calibration calibrate(Model model, LinkedHashSet<String> activations, LinkedHashSet<String> means,
                                         QuantConfig cfg, CalibrationSet calib) throws StudioException {
        Model runnable = ModelCopy.of(model);
        StandardRules.legalize(runnable);
        LinkedHashSet<String> all = new LinkedHashSet<>(activations);
        all.addAll(means);
        Model exposed = OrtExecution.exposing(runnable, all);
        Map<String, RangeCollector> collectors = new LinkedHashMap<>();
        for (String a : activations) collectors.put(a, new RangeCollector(cfg.seed()));
        Map<String, double[]> sums = new HashMap<>();
        Map<String, long[]> counts = new HashMap<>();
        try (OrtRunner session = OrtExecution.open(exposed)) {
            for (Map<String, Tensor> feed : calib.feeds()) {
                Map<String, Tensor> out = session.run(feed, List.copyOf(all));
                for (Map.Entry<String, Tensor> e : out.entrySet()) {
                    float[] v = e.getValue().toFloats();
                    RangeCollector c = collectors.get(e.getKey());
                    if (c != null) c.add(v);
                    if (means.contains(e.getKey())) BiasCorrection.accumulate(v, e.getValue().dims(), sums, counts, e.getKey());
                }
            }
        }
        Map<String, double[]> ranges = new HashMap<>();
        for (Map.Entry<String, RangeCollector> e : collectors.entrySet()) {
            ranges.put(e.getKey(), e.getValue().range(cfg.method(), cfg.percentile()));
        }
        Map<String, double[]> meanOf = new HashMap<>();
        for (Map.Entry<String, double[]> e : sums.entrySet()) {
            double[] m = e.getValue().clone();
            long[] n = counts.get(e.getKey());
            for (int i = 0; i < m.length; i++) m[i] /= Math.max(1, n[i]);
            meanOf.put(e.getKey(), m);
        }
        return new Calibration(ranges, meanOf);
    }

    /** The calibration set: the explicit one, else the files of {@code calibrationData}, else seeded random inputs. */
    static CalibrationSet calibrationSet(Model model, QuantConfig cfg) throws StudioException {
        if (cfg.options().calibration() != null) return cfg.options().calibration();
        if (!cfg.calibrationData().isEmpty()) return CalibrationSet.files(model, cfg.calibrationData(), cfg.inputValues());
        return CalibrationSet.random(model, cfg, cfg.samples(), cfg.seed());
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

    /** How a weight was stored: block size used (0 = per channel), int4 emulated in int8, and the dequantized values. */
    record WeightPlacement(int group, boolean emulated, float[] dequantized) {}

    /** The weight's output-channel axis: 1 for MatMul and Gemm without transB, else 0. */
    static int channelAxis(Node n) {
        return switch (n.opType()) {
            case "MatMul" -> 1;
            case "Gemm", "FusedGemm" -> n.attrLong("transB", 0) != 0 ? 0 : 1;
            default -> 0;
        };
    }

    /** The weight's reduction (K) axis: 0 for MatMul and Gemm without transB, else 1 (Conv: input channels). */
    static int reductionAxis(Node n) {
        return 1 - Math.min(1, channelAxis(n));
    }

    /**
     * Quantizes n's weight (seen through {@code scope}); the new tensors and the DequantizeLinear go in n's
     * graph. With {@code group} > 0 (int4 or int8) blocks along the reduction axis are used when its length is a
     * multiple of the block (else per channel): from opset 21 as DequantizeLinear(block_size), below as int8 storage
     * shaped [.., K/B, B, ..] → DequantizeLinear(scale 1) → Mul(scales [.., K/B, 1, ..]) → Reshape.
     */
    private static WeightPlacement quantizeWeight(Model model, List<Graph> scope, Node n, int bits, int group, ValueNames names) {
        Graph g = scope.get(scope.size() - 1);
        Tensor w = constant(scope, n.input(1));
        long[] dims = w.dims();
        boolean native4 = GraphEdits.opset(model) >= 21;
        boolean int4 = bits == 4;
        int kAxis = reductionAxis(n);
        boolean blocks = group > 0 && dims.length > kAxis && dims[kAxis] % group == 0 && dims[kAxis] > group;
        WeightQuant.Result r = blocks ? WeightQuant.blockwise(w.toFloats(), dims, kAxis, group, bits)
                : WeightQuant.perChannel(w.toFloats(), dims, channelAxis(n), bits);
        DataType type = int4 && native4 ? DataType.INT4 : DataType.INT8;
        String base = n.input(1);
        String wq = names.fresh(base + (int4 ? "_int4" : "_int8"));
        String ws = names.fresh(base + "_scale"), wz = names.fresh(base + "_zero_point");
        String wdq = names.fresh(base + "_dequantized");
        int zeros = r.scales().length;
        if (blocks && !native4) {
            long inner = WeightQuant.inner(dims, kAxis), outer = w.elementCount() / inner / dims[kAxis];
            long[] qdims = {outer, dims[kAxis] / group, group, inner};
            long[] sdims = {outer, dims[kAxis] / group, 1, inner};
            g.putInitializer(Tensor.raw(wq, DataType.INT8, qdims, r.q()));
            g.putInitializer(Tensor.ofFloats(ws, new long[0], new float[] {1f}));
            g.putInitializer(Tensor.raw(wz, DataType.INT8, new long[0], new byte[1]));
            String blockScale = names.fresh(base + "_block_scale"), shape = names.fresh(base + "_shape");
            g.putInitializer(Tensor.ofFloats(blockScale, sdims, r.scales()));
            g.putInitializer(Tensor.ofLongs(shape, new long[] {dims.length}, dims));
            String ints = names.fresh(base + "_blocks"), scaled = names.fresh(base + "_blocks_scaled");
            GraphEdits.insertBefore(g, n, node(model, n.id() + "_weight_dq", "DequantizeLinear", List.of(wq, ws, wz), ints));
            GraphEdits.insertBefore(g, n, node(model, n.id() + "_weight_block_scale", "Mul", List.of(ints, blockScale), scaled));
            GraphEdits.insertBefore(g, n, node(model, n.id() + "_weight_reshape", "Reshape", List.of(scaled, shape), wdq));
        } else {
            g.putInitializer(Tensor.raw(wq, type, dims, type == DataType.INT4 ? WeightQuant.packInt4(r.q()) : r.q()));
            g.putInitializer(Tensor.ofFloats(ws, r.scaleDims(), r.scales()));
            g.putInitializer(Tensor.raw(wz, type, r.scaleDims(), type == DataType.INT4 ? WeightQuant.packInt4(new byte[zeros]) : new byte[zeros]));
            Node dn = node(model, n.id() + "_weight_dq", "DequantizeLinear", List.of(wq, ws, wz), wdq);
            dn.setAttribute(Attribute.of("axis", (long) (blocks ? kAxis : channelAxis(n))));
            if (blocks) dn.setAttribute(Attribute.of("block_size", (long) group));
            GraphEdits.insertBefore(g, n, dn);
        }
        n.setInput(1, wdq);
        return new WeightPlacement(blocks ? group : 0, int4 && !native4, r.dequantized());
    }

    /** An fp16/bf16 layer: the weight stored in 16 bits behind a Cast to float; returns the stored values as float. */
    private static float[] storeWeight16(Model model, Graph g, Node n, boolean bf16, ValueNames names) {
        Tensor w = GraphEdits.constant(g, n.input(1));
        String stored = names.fresh(n.input(1) + (bf16 ? "_bf16" : "_fp16")), back = names.fresh(n.input(1) + "_float");
        g.putInitializer(Tensor.raw(stored, bf16 ? DataType.BFLOAT16 : DataType.FLOAT16, w.dims(), WeightQuant.to16(w.toFloats(), bf16)));
        Node cast = node(model, n.id() + "_weight_cast", "Cast", List.of(stored), back);
        cast.setAttribute(Attribute.of("to", (long) DataType.FLOAT.code()));
        GraphEdits.insertBefore(g, n, cast);
        n.setInput(1, back);
        return g.initializers().get(stored).toFloats();
    }

    /** x rounded through fp16 or bf16: Cast(x → 16-bit) → Cast(→ float) before {@code reader}. */
    private static String roundThrough(Model model, Graph g, Node reader, String x, boolean bf16, ValueNames names) {
        String tag = bf16 ? "_bf16" : "_fp16";
        String narrow = names.fresh(x + tag), wide = names.fresh(x + tag + "_float");
        Node down = node(model, reader.id() + "_input_cast" + tag, "Cast", List.of(x), narrow);
        down.setAttribute(Attribute.of("to", (long) (bf16 ? DataType.BFLOAT16 : DataType.FLOAT16).code()));
        Node up = node(model, reader.id() + "_input_cast_float", "Cast", List.of(narrow), wide);
        up.setAttribute(Attribute.of("to", (long) DataType.FLOAT.code()));
        GraphEdits.insertBefore(g, reader, down);
        GraphEdits.insertBefore(g, reader, up);
        return wide;
    }

    private static Node node(Model model, String base, String op, List<String> in, String out) {
        Node n = new Node(model.freshNodeId(base), "", op, "", in, List.of(out));
        n.setName(n.id());
        return n;
    }

    /**
     * Runs the fp32 and the quantized model (both legalized copies) on the same inputs and fills each
     * layer's output SQNR, the first model output's SQNR and, for a classifier-shaped output, the top-1
     * agreement with fp32.
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
        long rows = 0, agree = 0;
        boolean classifier = true;
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
                long[] dims = ra.get(first).dims();
                classifier &= isClassifier(dims);
                if (classifier) {
                    int classes = (int) dims[dims.length - 1];
                    float[] x = ra.get(first).toFloats(), y = rb.get(first).toFloats();
                    for (int r = 0; r < x.length / classes; r++, rows++) if (argmax(x, r, classes) == argmax(y, r, classes)) agree++;
                }
            }
        }
        List<QuantizationReport.Layer> layers = report.layers();
        for (int i = 0; i < layers.size(); i++) report.set(i, layers.get(i).withSqnr(db(acc.get(layers.get(i).output()))));
        report.setOutputSqnr(db(acc.get(first)));
        report.setTop1Agreement(classifier && rows > 0 ? (double) agree / rows : Double.NaN);
        return report;
    }

    /** As {@link #evaluate(Model, Model, QuantizationReport, List)}, recording where the inputs came from. */
    public static QuantizationReport evaluate(Model fp32, Model quantized, QuantizationReport report, CalibrationSet inputs)
            throws StudioException {
        report.setEvaluationSource(inputs.source());
        return evaluate(fp32, quantized, report, inputs.feeds());
    }

    /** Class scores on the last axis: rank at most 3, at most one other axis longer than 1 (batch or sequence). */
    private static boolean isClassifier(long[] dims) {
        if (dims.length == 0 || dims.length > 3 || dims[dims.length - 1] < 2) return false;
        int other = 0;
        for (int i = 0; i < dims.length - 1; i++) if (dims[i] > 1) other++;
        return other <= 1;
    }

    private static int argmax(float[] v, int row, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) if (v[row * n + i] > v[row * n + best]) best = i;
        return best;
    }

    private static double db(double[] s) {
        return s == null ? Double.NaN : s[1] == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(s[0] / s[1]);
    }

}
