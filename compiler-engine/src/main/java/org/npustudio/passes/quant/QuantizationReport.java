package org.npustudio.passes.quant;

import java.util.ArrayList;
import java.util.List;

/** What quantization did per layer, and (after {@link Quantizer#evaluate}) how much each layer lost. */
public final class QuantizationReport {
    /**
     * One quantized layer: node id, operator, weight bits (4, 8, or 16 for fp16/bf16), whether int4 was
     * emulated in int8 storage, the activation range used (NaN when activations stay float), the SQNR of
     * the layer's output against fp32 (NaN until evaluated), the precision key (int8, int4w16a, fp16, …),
     * the int4 block size (0 = per channel), the largest bias correction applied (NaN = none) and the SQNR
     * of the stored weights against the fp32 weights (how much the weight format alone loses).
     */
    public record Layer(String nodeId, String opType, int weightBits, boolean emulatedInt4, double activationMin,
                        double activationMax, String output, double sqnrDb, String precision, int groupSize,
                        double biasCorrection, double weightSqnrDb) {
        Layer withSqnr(double s) {
            return new Layer(nodeId, opType, weightBits, emulatedInt4, activationMin, activationMax, output, s, precision, groupSize,
                    biasCorrection, weightSqnrDb);
        }
    }

    private final List<Layer> layers = new ArrayList<>();
    private double outputSqnrDb = Double.NaN;
    private double top1Agreement = Double.NaN;
    private String calibrationSource = "";
    private String evaluationSource = "";
    private int equalizedPairs = -1;
    private int equalizationSkipped;

    void add(Layer l) { layers.add(l); }

    void set(int i, Layer l) { layers.set(i, l); }

    void setOutputSqnr(double s) { outputSqnrDb = s; }

    void setTop1Agreement(double a) { top1Agreement = a; }

    void setCalibrationSource(String s) { calibrationSource = s; }

    void setEvaluationSource(String s) { evaluationSource = s; }

    void setEqualization(int pairs, int skipped) {
        equalizedPairs = pairs;
        equalizationSkipped = skipped;
    }

    public List<Layer> layers() { return List.copyOf(layers); }

    /** SQNR of the model's first output against fp32, NaN until evaluated. */
    public double outputSqnrDb() { return outputSqnrDb; }

    /**
     * For a classifier-shaped first output (rank ≤ 3, last axis ≥ 2 classes, at most one other axis longer than 1): the
     * fraction of rows whose argmax matches fp32's; NaN otherwise or until evaluated.
     */
    public double top1Agreement() { return top1Agreement; }

    /** Where the calibration inputs came from (folder, images or seeded random). */
    public String calibrationSource() { return calibrationSource; }

    /** Where the evaluation inputs came from (empty until evaluated). */
    public String evaluationSource() { return evaluationSource; }

    /** Conv pairs cross-layer equalised (−1 when equalisation was off). */
    public int equalizedPairs() { return equalizedPairs; }

    /** Conv pairs equalisation left alone because a Clip-like activation sits between them. */
    public int equalizationSkipped() { return equalizationSkipped; }

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
