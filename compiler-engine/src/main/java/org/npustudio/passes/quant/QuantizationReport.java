package org.npustudio.passes.quant;

import java.util.ArrayList;
import java.util.List;

/** What quantization did per layer, and (after {@link Quantizer#evaluate}) how much each layer lost. */
public final class QuantizationReport {
    /**
     * One quantized layer: node id, operator, weight bits (8 or 4), whether int4 was emulated in int8
     * storage, the activation range used, and the SQNR of the layer's output against fp32 (NaN until
     * evaluated).
     */
    public record Layer(String nodeId, String opType, int weightBits, boolean emulatedInt4, double activationMin,
                        double activationMax, String output, double sqnrDb) {
        Layer withSqnr(double s) {
            return new Layer(nodeId, opType, weightBits, emulatedInt4, activationMin, activationMax, output, s);
        }
    }

    private final List<Layer> layers = new ArrayList<>();
    private double outputSqnrDb = Double.NaN;

    void add(Layer l) { layers.add(l); }

    void set(int i, Layer l) { layers.set(i, l); }

    void setOutputSqnr(double s) { outputSqnrDb = s; }

    public List<Layer> layers() { return List.copyOf(layers); }

    /** SQNR of the model's first output against fp32, NaN until evaluated. */
    public double outputSqnrDb() { return outputSqnrDb; }

    /** Signal-to-quantization-noise ratio of {@code q} against reference {@code ref}, in dB. */
    public static double sqnrDb(float[] ref, float[] q) {
        double signal = 0, noise = 0;
        for (int i = 0; i < ref.length; i++) {
            signal += (double) ref[i] * ref[i];
            double d = ref[i] - q[i];
            noise += d * d;
        }
        if (noise == 0) return Double.POSITIVE_INFINITY;
        return 10 * Math.log10(signal / noise);
    }
}
