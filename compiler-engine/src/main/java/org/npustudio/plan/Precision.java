package org.npustudio.plan;

/** Numeric formats an NPU computes in; bits per weight and per activation decide DRAM bytes. */
public enum Precision {
    INT8("int8", 8, 8),
    INT4("int4", 4, 4),
    /** int4 weights with int8 activations (mixed precision, common on edge NPUs). */
    INT4_W8A("int4w8a", 4, 8),
    /** int4 weights with fp16 activations (weight-only int4: the MACs run in fp16 after dequantisation). */
    INT4_W16A("int4w16a", 4, 16),
    /** int8 weights with fp16 activations (weight-only int8). */
    INT8_W16A("int8w16a", 8, 16),
    FP16("fp16", 16, 16),
    /** bfloat16: fp32's exponent range with an 8-bit mantissa. */
    BF16("bf16", 16, 16),
    FP32("fp32", 32, 32);

    private final String key;
    private final int weightBits;
    private final int activationBits;

    Precision(String key, int weightBits, int activationBits) {
        this.key = key;
        this.weightBits = weightBits;
        this.activationBits = activationBits;
    }

    public String key() { return key; }

    public int weightBits() { return weightBits; }

    public int activationBits() { return activationBits; }

    /** Bytes for n weights (int4 packs two per byte). */
    public double weightBytes(long n) { return n * weightBits / 8.0; }

    public double activationBytes(long n) { return n * activationBits / 8.0; }

    /** True when the weights are integers (a quantizer writes them behind a DequantizeLinear). */
    public boolean integerWeights() { return weightBits <= 8; }

    /** True when the activations are integers (a quantizer puts a QuantizeLinear/DequantizeLinear pair on them). */
    public boolean integerActivations() { return activationBits <= 8; }

    public static Precision parse(String s) {
        for (Precision p : values()) if (p.key.equalsIgnoreCase(s.trim())) return p;
        return null;
    }

    public static String validKeys() {
        StringBuilder b = new StringBuilder();
        for (Precision p : values()) b.append(b.length() == 0 ? "" : ", ").append(p.key);
        return b.toString();
    }
}
