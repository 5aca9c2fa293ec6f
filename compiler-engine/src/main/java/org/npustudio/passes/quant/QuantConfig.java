package org.npustudio.passes.quant;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.npustudio.ir.Node;
import org.npustudio.plan.Precision;

/**
 * Post-training quantization settings.
 *
 * @param method activation range from calibration: {@code minmax}, {@code percentile} (the given
 *               percentile of |x| on each side) or {@code entropy} (the clipping threshold minimising
 *               KL divergence between the fp32 and int8 histograms, as TensorRT does) or {@code mse} (the
 *               shrunk min/max range with the least squared quantization error on the sampled values)
 * @param samples number of calibration runs
 * @param seed seed of the random calibration inputs
 * @param calibrationData user input files (.npy/.pb) for a single-input model, one per run; empty = random
 * @param layers precision of single layers by node id or name (e.g. int4w8a, int8w16a, fp32 = left float);
 *               they override {@code fallback}
 * @param fallback precision of every other quantizable layer ({@link Precision#INT8} by default)
 * @param ops operators whose weights and input activation are quantized
 * @param inputValues inputs that must hold one value for the model to run (e.g. a sample rate), by name;
 *                    every element of that input gets the value in calibration and evaluation runs
 * @param options group size, bias correction, equalisation and an explicit calibration set
 */
public record QuantConfig(String method, double percentile, int samples, long seed, List<Path> calibrationData,
                          Map<String, Precision> layers, Precision fallback, Set<String> ops,
                          Map<String, Double> inputValues, QuantOptions options) {
    /** Activation range methods. */
    public static final List<String> METHODS = List.of("minmax", "percentile", "entropy", "mse");
    public static final Set<String> DEFAULT_OPS = Set.of("Conv", "Gemm", "MatMul", "FusedConv", "FusedGemm");

    public static QuantConfig defaults() {
        return new QuantConfig("minmax", 99.99, 8, 0, List.of(), Map.of(), Precision.INT8, DEFAULT_OPS, Map.of());
    }

    public QuantConfig {
        layers = Map.copyOf(layers);
        if (fallback == null) fallback = Precision.INT8;
        if (options == null) options = QuantOptions.DEFAULT;
    }

    /** Without refinements ({@link QuantOptions#DEFAULT}). */
    public QuantConfig(String method, double percentile, int samples, long seed, List<Path> calibrationData,
                       Map<String, Precision> layers, Precision fallback, Set<String> ops, Map<String, Double> inputValues) {
        this(method, percentile, samples, seed, calibrationData, layers, fallback, ops, inputValues, QuantOptions.DEFAULT);
    }

    /** The same settings with these fixed input values. */
    public QuantConfig withInputValues(Map<String, Double> values) {
        return new QuantConfig(method, percentile, samples, seed, calibrationData, layers, fallback, ops, values, options);
    }

    /** The same settings with these refinements. */
    public QuantConfig withOptions(QuantOptions o) {
        return new QuantConfig(method, percentile, samples, seed, calibrationData, layers, fallback, ops, inputValues, o);
    }

    /** The same settings with these per-layer precisions (the plan's choice for each node). */
    public QuantConfig withLayers(Map<String, Precision> perLayer, Precision otherwise) {
        return new QuantConfig(method, percentile, samples, seed, calibrationData, perLayer, otherwise, ops, inputValues, options);
    }

    /** The precision chosen for node {@code n}: by id, then by name, else the fallback. */
    public Precision precisionOf(Node n) {
        Precision p = layers.get(n.id());
        if (p == null && !n.name().isEmpty()) p = layers.get(n.name());
        return p != null ? p : fallback;
    }
}
