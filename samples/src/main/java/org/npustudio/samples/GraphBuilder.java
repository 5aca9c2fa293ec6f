package org.npustudio.samples;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.OpsetId;
import org.npustudio.ir.Shape;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.ValueInfo;

/**
 * Low-level assembly of a sample graph: values with their static shapes, nodes named as PyTorch's
 * exporter names them, parameters, shared constants, and the finished {@link Model}.
 * {@link Nn} builds the PyTorch-module vocabulary on top of it.
 */
final class GraphBuilder {
    static final long IR_VERSION = 8;
    static final long OPSET = 17;
    static final String PRODUCER_NAME = "npustudio-samples";
    /** Bump when any sample's bytes change on purpose. */
    static final String PRODUCER_VERSION = "1.0";

    private final Graph graph;
    private final ExportNames names = new ExportNames();
    private final WeightInit init;
    private final Map<String, long[]> shapes = new HashMap<>();
    private final Map<String, Node> producers = new HashMap<>();
    private final Map<String, String> constants = new HashMap<>();
    private final Map<String, ActivationStats> stats = new HashMap<>();

    GraphBuilder(String graphName, long seed) {
        this.graph = new Graph(graphName);
        this.init = new WeightInit(seed);
    }

    WeightInit init() { return init; }

    /** Declares a float graph input of a static shape, expected to have zero mean and unit variance. */
    String input(String name, long... shape) {
        graph.addInput(ValueInfo.tensor(name, DataType.FLOAT, Shape.of(shape)));
        shapes.put(name, shape.clone());
        if (shape.length == 4) stats.put(name, ActivationStats.unit(Math.toIntExact(shape[1])));
        return name;
    }

    /** Expected per-channel statistics of an NCHW value, or null where they are not tracked. */
    ActivationStats stats(String value) { return stats.get(value); }

    void setStats(String value, ActivationStats s) {
        if (s != null) stats.put(value, s);
    }

    long[] shape(String value) {
        long[] s = shapes.get(value);
        if (s == null) throw new IllegalArgumentException("no value named '" + value + "'");
        return s.clone();
    }

    int rank(String value) { return shape(value).length; }

    /** Scope of a new call of the module at {@code path}. */
    String call(String path) { return names.call(path); }

    /** Scope for functional ops inside the module at {@code path}. */
    String within(String path) { return ExportNames.within(path); }

    /** Adds a single-output node in {@code scope} and returns its output value. */
    String node(String scope, String opType, List<String> inputs, long[] outShape, Attribute... attrs) {
        for (String in : inputs) {
            if (!shapes.containsKey(in)) throw new IllegalArgumentException(opType + " in " + scope + ": unknown input '" + in + "'");
        }
        String name = names.node(scope, opType);
        String out = ExportNames.output(name, 0);
        Node n = new Node(name, name, opType, "", inputs, List.of(out));
        for (Attribute a : attrs) n.setAttribute(a);
        graph.addNode(n);
        producers.put(out, n);
        shapes.put(out, outShape.clone());
        return out;
    }

    /** Adds a float parameter (initializer) under its PyTorch state_dict name. */
    String param(String name, long[] dims, float[] data) {
        if (shapes.containsKey(name)) throw new IllegalArgumentException("parameter '" + name + "' defined twice");
        if (Arrays.stream(dims).reduce(1, Math::multiplyExact) != data.length) {
            throw new IllegalArgumentException("parameter '" + name + "': " + data.length + " values for dims " + Arrays.toString(dims));
        }
        graph.putInitializer(Tensor.ofFloats(name, dims, data));
        shapes.put(name, dims.clone());
        return name;
    }

    /** A float scalar constant, shared by every op that uses the same value. */
    String constant(float value) {
        // The exact decimal expansion, not Float.toString, whose output changed between JDK releases.
        String name = "const_float_" + new java.math.BigDecimal(value).stripTrailingZeros().toPlainString();
        return constants.computeIfAbsent(name, k -> {
            graph.putInitializer(Tensor.ofFloats(k, new long[0], new float[] {value}));
            shapes.put(k, new long[0]);
            return k;
        });
    }

    /** A 1-D int64 constant (shapes for Reshape), shared like {@link #constant(float)}. */
    String constant(long... values) {
        StringBuilder b = new StringBuilder("const_int64");
        for (long v : values) b.append('_').append(v);
        String name = b.toString();
        return constants.computeIfAbsent(name, k -> {
            graph.putInitializer(Tensor.ofLongs(k, new long[] {values.length}, values.clone()));
            shapes.put(k, new long[] {values.length});
            return k;
        });
    }

    /** Renames the producer's output of {@code value} to {@code output}, declares it and wraps up the model. */
    Model finish(String value) {
        Node n = producers.get(value);
        if (n == null) throw new IllegalArgumentException("'" + value + "' is not produced by a node");
        n.setOutput(n.outputs().indexOf(value), "output");
        graph.addOutput(ValueInfo.tensor("output", DataType.FLOAT, Shape.of(shapes.get(value))));
        Model m = new Model(graph);
        m.setIrVersion(IR_VERSION);
        m.opsetImports().add(new OpsetId("", OPSET));
        m.setProducerName(PRODUCER_NAME);
        m.setProducerVersion(PRODUCER_VERSION);
        return m;
    }
}
