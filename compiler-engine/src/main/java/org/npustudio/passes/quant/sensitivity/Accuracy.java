package org.npustudio.passes.quant.sensitivity;

/**
 * How close a quantized model's first output stays to fp32's over the evaluation inputs.
 *
 * @param sqnrDb        signal-to-quantization-noise ratio of the first output, summed over all inputs (dB; +Infinity
 *                      when bit-identical)
 * @param top1Agreement share of inputs whose arg-max over the last axis of the first output matches fp32's, per row
 *                      (in [0, 1]); meaningful for classifiers only
 */
public record Accuracy(double sqnrDb, double top1Agreement) {
    public static final Accuracy EXACT = new Accuracy(Double.POSITIVE_INFINITY, 1.0);

    /** "31.2 dB" (or "exact"). */
    public String sqnrText() {
        return Double.isInfinite(sqnrDb) ? "exact" : String.format(java.util.Locale.ROOT, "%.1f dB", sqnrDb);
    }
}
