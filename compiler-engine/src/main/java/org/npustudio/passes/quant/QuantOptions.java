package org.npustudio.passes.quant;

/**
 * Quantizer refinements beyond precision and calibration method (kept apart from {@link QuantConfig}'s
 * positional fields so adding one does not change every caller).
 *
 * @param groupSize integer (int4 and int8) weights: 0 = one scale per output channel; 32/64/128 = one scale per
 *                  block of that many weights along the reduction (K) axis, as ONNX's DequantizeLinear block_size
 * @param biasCorrection add (W − Ŵ)·E[x] to each quantized layer's bias (E[x] per input channel from the
 *                       calibration runs), so weight quantization does not shift the layer's mean output
 * @param equalize cross-layer equalisation of Conv → Relu/LeakyRelu/PRelu → Conv pairs before quantizing
 * @param calibration explicit calibration inputs (npy folder, images, …); null = QuantConfig's files or random
 */
public record QuantOptions(int groupSize, boolean biasCorrection, boolean equalize, CalibrationSet calibration) {
    public static final QuantOptions DEFAULT = new QuantOptions(0, false, false, null);

    public QuantOptions {
        if (groupSize != 0 && groupSize != 32 && groupSize != 64 && groupSize != 128) {
            throw new IllegalArgumentException("quantize: group size must be 0, 32, 64 or 128, not " + groupSize);
        }
    }

    public QuantOptions withCalibration(CalibrationSet c) { return new QuantOptions(groupSize, biasCorrection, equalize, c); }
}
