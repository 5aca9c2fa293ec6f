package org.npustudio.shape;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Dim;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Shape;
import org.npustudio.ir.TypeInfo;
import org.npustudio.ir.ValueInfo;

/**
 * Concrete shapes a user gives a model's inputs: whole input shapes ({@code --input-shape x=1x3x640x640},
 * {@code --input-shape sr=scalar}) and symbol values ({@code --dim batch=1}). {@link #applyTo} rewrites
 * the main graph's input dims (and every value_info/output naming a bound symbol) and re-infers shapes,
 * so everything downstream (simulation, export, compile, random inputs) sees the bound, static model.
 * Immutable; the parsed text is checked on parse, the match with a model on {@link #bind}.
 */
public final class ShapeBinding {
    public static final ShapeBinding NONE = new ShapeBinding(Map.of(), Map.of(), List.of());

    private final Map<String, List<Long>> inputs;
    private final Map<String, Long> dims;
    private final List<String> values;

    private ShapeBinding(Map<String, List<Long>> inputs, Map<String, Long> dims, List<String> values) {
        Map<String, List<Long>> copy = new LinkedHashMap<>();
        inputs.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.inputs = Collections.unmodifiableMap(copy);
        this.dims = Collections.unmodifiableMap(new LinkedHashMap<>(dims));
        this.values = List.copyOf(values);
    }

    /** Input name → bound dims (empty list: a scalar), in the order given. */
    public Map<String, List<Long>> inputShapes() { return inputs; }

    /** Symbol → value, in the order given. */
    public Map<String, Long> dims() { return dims; }

    /**
     * The {@code --input-value NAME=V} texts: inputs the opened model is specialised for (each becomes
     * an initializer, and Ifs it decides are inlined; see {@link org.npustudio.onnx.ModelOpener}).
     */
    public List<String> inputValues() { return values; }

    /** This binding plus input values; their names and values are checked against the model on open. */
    public ShapeBinding withValues(List<String> inputValues) {
        return new ShapeBinding(inputs, dims, inputValues);
    }

    public boolean isEmpty() { return inputs.isEmpty() && dims.isEmpty() && values.isEmpty(); }

    /** Parses repeated {@code NAME=DxDx…} / {@code NAME=scalar} / {@code NAME=} and {@code SYMBOL=N} texts. */
    public static ShapeBinding parse(List<String> inputShapes, List<String> dimValues) throws StudioException {
        Map<String, List<Long>> in = new LinkedHashMap<>();
        for (String text : inputShapes) {
            int eq = text.lastIndexOf('=');
            if (eq <= 0) throw malformed("--input-shape", text, "NAME=DIMS, e.g. x=1x3x640x640 (a scalar: NAME=scalar)");
            String name = text.substring(0, eq);
            List<Long> shape = parseDims(name, text.substring(eq + 1).trim());
            if (in.put(name, shape) != null) throw new StudioException("--input-shape", name, "is given more than once");
        }
        Map<String, Long> ds = new LinkedHashMap<>();
        for (String text : dimValues) {
            int eq = text.lastIndexOf('=');
            if (eq <= 0 || eq == text.length() - 1) throw malformed("--dim", text, "SYMBOL=N, e.g. batch=1");
            String sym = text.substring(0, eq);
            long v = positive("--dim", sym, text.substring(eq + 1).trim());
            if (ds.put(sym, v) != null) throw new StudioException("--dim", sym, "is given more than once");
        }
        return new ShapeBinding(in, ds, List.of());
    }

    private static List<Long> parseDims(String name, String text) throws StudioException {
        if (text.isEmpty() || text.equalsIgnoreCase("scalar")) return List.of();
        List<Long> out = new ArrayList<>();
        for (String part : text.split("[x,]", -1)) out.add(positive("--input-shape", name, part.trim()));
        return List.copyOf(out);
    }

    private static long positive(String option, String place, String text) throws StudioException {
        long v;
        try {
            v = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new StudioException(option, place, "'" + text + "' is not a whole number");
        }
        if (v <= 0) throw new StudioException(option, place, "dimension " + v + " must be at least 1");
        return v;
    }

    private static StudioException malformed(String option, String text, String expected) {
        return new StudioException(option, "", "'" + text + "' is not " + expected);
    }

    /**
     * Binds and re-infers shapes; the model is changed in place. Meant for a model opened unbound: the
     * value_info of that first inference holds symbols or unknowns, which the bound sizes replace. A
     * model already bound to other sizes keeps its earlier static value_info (a conflict), so re-binding
     * means opening the file again ({@link org.npustudio.onnx.ModelOpener}, as the IDE does).
     */
    public ShapeInferenceReport applyTo(Model model) throws StudioException {
        bind(model);
        return ShapeInference.infer(model);
    }

    /**
     * Rewrites the main graph's input dims (no inference). Checks every name against the model: an
     * unknown input or symbol, a wrong rank or a dim contradicting a concrete one is an error.
     */
    public void bind(Model model) throws StudioException {
        if (isEmpty()) return;
        Graph g = model.graph();
        Map<String, ValueInfo> modelInputs = realInputs(g);
        Map<String, Long> symbols = new LinkedHashMap<>(dims);
        Set<String> known = inputSymbols(modelInputs.values());
        for (String sym : dims.keySet()) {
            if (!known.contains(sym)) {
                throw new StudioException("--dim", sym, "the model's inputs have no dimension named '" + sym + "'; "
                        + (known.isEmpty() ? "they have no symbolic dimensions" : "symbols: " + String.join(", ", known)));
            }
        }
        for (Map.Entry<String, List<Long>> e : inputs.entrySet()) {
            ValueInfo v = modelInputs.get(e.getKey());
            if (v == null) {
                throw new StudioException("--input-shape", e.getKey(), "the model has no input named '" + e.getKey()
                        + "'; inputs: " + String.join(", ", modelInputs.keySet()));
            }
            learnSymbols(v, e.getValue(), symbols);
        }
        List<ValueInfo> rewritten = new ArrayList<>();
        for (ValueInfo v : g.inputs()) {
            List<Long> bound = inputs.get(v.name());
            if (bound != null && modelInputs.containsKey(v.name())) {
                TypeInfo.TensorType t = v.tensorType();
                List<Dim> ds = new ArrayList<>();
                for (long d : bound) ds.add(Dim.of(d));
                rewritten.add(v.withType(t.withShape(Shape.of(ds))));
            } else {
                rewritten.add(substitute(v, symbols));
            }
        }
        g.setInputs(rewritten);
        if (symbols.isEmpty()) return;
        substituteDeclared(g, symbols);
    }

    /** Bound symbols in the outputs and value_info of a graph and of its subgraphs (symbols are model-wide). */
    private static void substituteDeclared(Graph g, Map<String, Long> symbols) {
        List<ValueInfo> outs = new ArrayList<>();
        for (ValueInfo v : g.outputs()) outs.add(substitute(v, symbols));
        g.setOutputs(outs);
        for (ValueInfo v : g.valueInfos()) {
            ValueInfo s = substitute(v, symbols);
            if (s != v) g.putValueInfo(s);
        }
        for (org.npustudio.ir.Node n : g.nodes()) {
            for (org.npustudio.ir.Attribute a : n.attributes().values()) {
                for (Graph sub : a.subgraphs()) {
                    List<ValueInfo> ins = new ArrayList<>();
                    for (ValueInfo v : sub.inputs()) ins.add(substitute(v, symbols));
                    sub.setInputs(ins);
                    substituteDeclared(sub, symbols);
                }
            }
        }
    }

    /**
     * Checks this binding against a model's declared inputs without touching the model (the IDE's live
     * validation); throws the same one-line errors as {@link #bind}.
     */
    public void check(List<ValueInfo> declaredInputs) throws StudioException {
        Graph g = new Graph("check");
        g.setInputs(declaredInputs);
        bind(new Model(g));
    }

    /** Checks rank and concrete dims, and records what each symbolic dim of the input is bound to. */
    private static void learnSymbols(ValueInfo v, List<Long> bound, Map<String, Long> symbols) throws StudioException {
        TypeInfo.TensorType t = v.tensorType();
        if (t == null) throw new StudioException("--input-shape", v.name(), "input '" + v.name() + "' is not a tensor");
        if (t.shape() == null) return; // unknown rank: any shape may be given
        if (t.shape().rank() != bound.size()) {
            throw new StudioException("--input-shape", v.name(), "input '" + v.name() + "' has rank " + t.shape().rank() + " "
                    + t.shape() + ", the binding gives " + bound.size() + " (" + text(bound) + ")");
        }
        for (int i = 0; i < bound.size(); i++) {
            Dim d = t.shape().dim(i);
            long b = bound.get(i);
            if (d.isKnown() && d.value() != b) {
                throw new StudioException("--input-shape", v.name(), "dimension " + i + " of input '" + v.name() + "' is "
                        + d.value() + " in the model " + t.shape() + ", the binding gives " + b);
            }
            if (d.isSymbolic()) {
                Long earlier = symbols.putIfAbsent(d.param(), b);
                if (earlier != null && earlier != b) {
                    throw new StudioException("--input-shape", v.name(), "dimension " + i + " of input '" + v.name() + "' is '"
                            + d.param() + "', already bound to " + earlier + ", the binding gives " + b);
                }
            }
        }
    }

    private static ValueInfo substitute(ValueInfo v, Map<String, Long> symbols) {
        TypeInfo.TensorType t = v.tensorType();
        if (t == null || t.shape() == null || symbols.isEmpty()) return v;
        List<Dim> ds = new ArrayList<>(t.shape().dims());
        boolean changed = false;
        for (int i = 0; i < ds.size(); i++) {
            Dim d = ds.get(i);
            Long b = d.isSymbolic() ? symbols.get(d.param()) : null;
            if (b != null) {
                ds.set(i, Dim.of(b));
                changed = true;
            }
        }
        return changed ? v.withType(t.withShape(Shape.of(ds))) : v;
    }

    /** The graph inputs that are not initializers (what a user feeds). */
    public static Map<String, ValueInfo> realInputs(Graph g) {
        Map<String, ValueInfo> out = new LinkedHashMap<>();
        for (ValueInfo v : g.inputs()) if (!g.isInitializer(v.name())) out.put(v.name(), v);
        return out;
    }

    private static Set<String> inputSymbols(Iterable<ValueInfo> vs) {
        Set<String> out = new LinkedHashSet<>();
        for (ValueInfo v : vs) {
            TypeInfo.TensorType t = v.tensorType();
            if (t == null || t.shape() == null) continue;
            for (Dim d : t.shape().dims()) if (d.isSymbolic()) out.add(d.param());
        }
        return out;
    }

    /** Inputs (not initializers) whose type has an unknown rank or a dim that is not a number. */
    public static List<ValueInfo> unboundInputs(Model model) {
        List<ValueInfo> out = new ArrayList<>();
        for (ValueInfo v : realInputs(model.graph()).values()) {
            TypeInfo.TensorType t = v.tensorType();
            if (t != null && (t.shape() == null || !t.shape().isStatic())) out.add(v);
        }
        return out;
    }

    /**
     * The binding the IDE pre-fills for every input that is not static (see docs/shape-inference.md):
     * a symbol used by several inputs gets one value; the leading dim of a rank ≥ 2 input is 1 (batch);
     * the two spatial dims of an image-like rank-4 input (NCHW or NHWC with 1, 3 or 4 channels) are 224;
     * any other free dim is 1. Inputs of unknown rank are left out (nothing to pre-fill).
     */
    public static ShapeBinding suggest(Model model) {
        return suggest(unboundInputs(model));
    }

    /** {@link #suggest(Model)} for a list of declared inputs (static ones are skipped). */
    public static ShapeBinding suggest(List<ValueInfo> inputs) {
        Map<String, List<Long>> in = new LinkedHashMap<>();
        Map<String, Long> symbols = new LinkedHashMap<>();
        for (ValueInfo v : inputs) {
            Shape s = v.tensorType() == null ? null : v.tensorType().shape();
            if (s == null || s.isStatic()) continue;
            List<Long> dims = new ArrayList<>();
            for (int i = 0; i < s.rank(); i++) {
                Dim d = s.dim(i);
                if (d.isKnown()) {
                    dims.add(d.value());
                    continue;
                }
                Long fromSymbol = d.isSymbolic() ? symbols.get(d.param()) : null;
                long value = fromSymbol != null ? fromSymbol : spatial(s, i) ? 224 : 1;
                if (d.isSymbolic()) symbols.putIfAbsent(d.param(), value);
                dims.add(value);
            }
            in.put(v.name(), List.copyOf(dims));
        }
        return new ShapeBinding(in, Map.of(), List.of());
    }

    private static boolean spatial(Shape s, int i) {
        if (s.rank() != 4 || i == 0) return false;
        if (channels(s.dim(1))) return i == 2 || i == 3;
        if (channels(s.dim(3))) return i == 1 || i == 2;
        return false;
    }

    private static boolean channels(Dim d) {
        return d.isKnown() && (d.value() == 1 || d.value() == 3 || d.value() == 4);
    }

    /** {@code 1x3x640x640}, or {@code scalar} for rank 0. */
    public static String text(List<Long> dims) {
        if (dims.isEmpty()) return "scalar";
        StringBuilder b = new StringBuilder();
        for (long d : dims) b.append(b.length() == 0 ? "" : "x").append(d);
        return b.toString();
    }

    /** The command-line words that give this binding. */
    public List<String> toArgs() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, List<Long>> e : inputs.entrySet()) {
            out.add("--input-shape");
            out.add(e.getKey() + "=" + text(e.getValue()));
        }
        for (Map.Entry<String, Long> e : dims.entrySet()) {
            out.add("--dim");
            out.add(e.getKey() + "=" + e.getValue());
        }
        for (String v : values) {
            out.add("--input-value");
            out.add(v);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShapeBinding b && b.inputs.equals(inputs) && b.dims.equals(dims) && b.values.equals(values);
    }

    @Override
    public int hashCode() { return (inputs.hashCode() * 31 + dims.hashCode()) * 31 + values.hashCode(); }

    @Override
    public String toString() { return String.join(" ", toArgs()); }
}
