package org.npustudio.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Dim;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.Shape;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.TypeInfo;
import org.npustudio.ir.ValueInfo;
import org.npustudio.onnx.OnnxWriter;
import org.npustudio.onnx.OpaqueOps;
import org.npustudio.passes.ModelCopy;
import org.npustudio.shape.ShapeInference;

/**
 * Output types of opaque ops (no schema, so no shape rule) taken from ONNX Runtime: the model is run
 * once on random inputs with every still-untyped value of the main graph added as a graph output, and
 * the element types and shapes it returns are written to value_info; shape inference then runs again so
 * the nodes downstream get types too. Dims that follow a symbolic input dim are found by a second run
 * with those dims at 2 instead of 1 and kept unknown. Results are cached per model file (path, size,
 * modification time), so reopening a model does not run it again. When ONNX Runtime cannot load or run
 * the model (an op it has no kernel for, inputs it refuses) nothing changes and the reason is returned.
 */
public final class OpaqueTypeProbe {
    private static final int CACHE_SIZE = 16;
    /** Opening a model must stay quick: larger models are not run just to learn types. */
    static final long MAX_WEIGHT_BYTES = 256L << 20;
    private static final Map<String, Map<String, TypeInfo>> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<String, Map<String, TypeInfo>> e) { return size() > CACHE_SIZE; }
    };

    private OpaqueTypeProbe() {}

    /** How a probe went: values typed from the run, whether it came from the cache, why not (or null). */
    public record Result(int typed, boolean cached, String problem) {}

    /** Types the untyped outputs of a model with opaque ops; a model without opaque ops is left alone. */
    public static Result fill(Model model) {
        if (OpaqueOps.of(model).isEmpty()) return new Result(0, false, null);
        List<String> untyped = untyped(model.graph());
        if (untyped.isEmpty()) return new Result(0, false, null);
        long weights = 0;
        for (Tensor t : model.graph().initializers().values()) weights += t.byteSize();
        if (weights > MAX_WEIGHT_BYTES) {
            return new Result(0, false, "not run for types: " + (weights >> 20) + " MiB of weights is more than "
                    + (MAX_WEIGHT_BYTES >> 20) + " MiB");
        }
        String key = cacheKey(model);
        Map<String, TypeInfo> types;
        boolean cached;
        synchronized (CACHE) {
            types = key == null ? null : CACHE.get(key);
        }
        cached = types != null;
        if (types == null) {
            try {
                types = probe(model, untyped);
            } catch (StudioException | RuntimeException e) {
                return new Result(0, false, e.getMessage());
            }
            if (key != null) synchronized (CACHE) { CACHE.put(key, types); }
        }
        int typed = apply(model.graph(), types);
        if (typed > 0) ShapeInference.infer(model);
        return new Result(typed, cached, null);
    }

    /** Node outputs of the main graph with no element type or no rank known. */
    static List<String> untyped(Graph g) {
        List<String> out = new ArrayList<>();
        java.util.Set<String> graphOutputs = new java.util.HashSet<>();
        for (ValueInfo v : g.outputs()) {
            graphOutputs.add(v.name());
            if (!known(v.type())) out.add(v.name());
        }
        for (Node n : g.nodes()) {
            for (String o : n.outputs()) {
                if (o.isEmpty() || graphOutputs.contains(o)) continue;
                ValueInfo v = g.valueInfo(o);
                if (v == null || !known(v.type())) out.add(o);
            }
        }
        return out;
    }

    private static boolean known(TypeInfo t) {
        if (t == null) return false;
        if (!(t instanceof TypeInfo.TensorType tt)) return true;
        return tt.shape() != null && tt.elemType() != null && tt.elemType() != org.npustudio.ir.DataType.UNDEFINED;
    }

    private static Map<String, TypeInfo> probe(Model model, List<String> values) throws StudioException {
        Model copy = ModelCopy.of(model);
        Graph g = copy.graph();
        java.util.Set<String> outputs = new java.util.HashSet<>();
        for (ValueInfo v : g.outputs()) outputs.add(v.name());
        for (String v : values) {
            if (outputs.add(v)) g.addOutput(new ValueInfo(v, null, "", null, null));
        }
        boolean symbolic = hasUnknownInputDims(g);
        Map<String, Tensor> first = run(copy, values, 1);
        Map<String, Tensor> second = symbolic ? run(copy, values, 2) : first;
        Map<String, TypeInfo> types = new LinkedHashMap<>();
        for (String v : values) {
            Tensor a = first.get(v);
            Tensor b = second.get(v);
            if (a == null) continue;
            long[] da = a.dims();
            long[] db = b == null ? da : b.dims();
            List<Dim> dims = new ArrayList<>();
            for (int i = 0; i < da.length; i++) {
                dims.add(db.length == da.length && db[i] == da[i] ? Dim.of(da[i]) : Dim.UNKNOWN);
            }
            types.put(v, TypeInfo.tensor(a.dataType(), db.length == da.length ? Shape.of(dims) : null));
        }
        return types;
    }

    private static Map<String, Tensor> run(Model copy, List<String> values, long symbolicDim) throws StudioException {
        Graph g = copy.graph();
        Map<String, Tensor> inputs = RandomInputs.forGraph(withUnknownDims(g, symbolicDim), 1234);
        try (OrtRunner r = OrtRunner.open(OnnxWriter.toBytes(copy), copy.displayName(), OrtRunner.Options.DETERMINISTIC)) {
            return r.run(inputs, values);
        }
    }

    private static boolean hasUnknownInputDims(Graph g) {
        for (ValueInfo v : g.inputs()) {
            if (g.isInitializer(v.name())) continue;
            if (v.type() instanceof TypeInfo.TensorType t && t.shape() != null) {
                for (Dim d : t.shape().dims()) if (!d.isKnown()) return true;
            }
        }
        return false;
    }

    /** The graph with its inputs' unknown dims set to {@code size} (RandomInputs refuses unknown dims). */
    private static Graph withUnknownDims(Graph g, long size) {
        Graph c = new Graph(g.name());
        List<ValueInfo> ins = new ArrayList<>();
        for (ValueInfo v : g.inputs()) {
            if (v.type() instanceof TypeInfo.TensorType t && t.shape() != null && !g.isInitializer(v.name())) {
                List<Dim> dims = new ArrayList<>();
                for (Dim d : t.shape().dims()) dims.add(d.isKnown() ? d : Dim.of(size));
                ins.add(v.withType(TypeInfo.tensor(t.elemType(), Shape.of(dims))));
            } else if (!g.isInitializer(v.name())) {
                ins.add(v);
            }
        }
        c.setInputs(ins);
        return c;
    }

    private static int apply(Graph g, Map<String, TypeInfo> types) {
        int n = 0;
        java.util.Set<String> graphOutputs = new java.util.HashSet<>();
        for (ValueInfo v : g.outputs()) graphOutputs.add(v.name());
        List<ValueInfo> outs = new ArrayList<>();
        for (ValueInfo v : g.outputs()) {
            TypeInfo t = types.get(v.name());
            if (t != null && !known(v.type())) {
                outs.add(v.withType(t));
                n++;
            } else {
                outs.add(v);
            }
        }
        if (n > 0) g.setOutputs(outs);
        for (Map.Entry<String, TypeInfo> e : types.entrySet()) {
            if (graphOutputs.contains(e.getKey())) continue;
            ValueInfo v = g.valueInfo(e.getKey());
            if (v != null && known(v.type())) continue;
            g.putValueInfo(v != null ? v.withType(e.getValue()) : new ValueInfo(e.getKey(), e.getValue(), "", null, null));
            n++;
        }
        return n;
    }

    private static String cacheKey(Model model) {
        Path p = model.source();
        if (p == null) return null;
        try {
            return p.toAbsolutePath().normalize() + "|" + Files.size(p) + "|" + Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return null;
        }
    }
}
