package org.npustudio.passes.quant;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Post-training quantization settings.
 *
 * @param method activation range from calibration: {@code minmax}, {@code percentile} (the given
 *               percentile of |x| on each side) or {@code entropy} (the clipping threshold minimising
 *               KL divergence between the fp32 and int8 histograms, as TensorRT does)
 * @param samples number of calibration runs
 * @param seed seed of the random calibration inputs
 * @param calibrationData user input files (.npy/.pb) for a single-input model, one per run; empty = random
 * @param int4Layers node ids or names whose weights go to int4
 * @param ops operators whose weights and input activation are quantized
 * @param inputValues inputs that must hold one value for the model to run (e.g. a sample rate), by name;
 *                    every element of that input gets the value in calibration and evaluation runs
 */
public record QuantConfig(String method, double percentile, int samples, long seed, List<Path> calibrationData,
                          Set<String> int4Layers, Set<String> ops, java.util.Map<String, Double> inputValues) {
    public static final Set<String> DEFAULT_OPS = Set.of("Conv", "Gemm", "MatMul", "FusedConv", "FusedGemm");

    public static QuantConfig defaults() {
        return new QuantConfig("minmax", 99.99, 8, 0, List.of(), Set.of(), DEFAULT_OPS, java.util.Map.of());
    }
}
