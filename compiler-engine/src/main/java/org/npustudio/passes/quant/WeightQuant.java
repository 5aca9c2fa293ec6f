package org.npustudio.passes.quant;

/**
 * The arithmetic of symmetric weight quantization, apart from the graph edits: one scale per output
 * channel, or one per block of {@code block} weights along the reduction axis (ONNX DequantizeLinear's
 * block_size semantics: the scale tensor is the weight's shape with that axis divided by the block).
 */
final class WeightQuant {
    /** Integer values, scales (shape {@code scaleDims}) and the dequantized weights q·scale. */
    record Result(byte[] q, float[] scales, long[] scaleDims, float[] dequantized) {}

    private WeightQuant() {}

    static Result perChannel(float[] v, long[] dims, int axis, int bits) {
        int channels = (int) dims[axis];
        long inner = inner(dims, axis);
        double[] maxAbs = new double[channels];
        for (int i = 0; i < v.length; i++) {
            int c = (int) ((i / inner) % channels);
            maxAbs[c] = Math.max(maxAbs[c], Math.abs(v[i]));
        }
        int[] scaleOf = new int[v.length];
        for (int i = 0; i < v.length; i++) scaleOf[i] = (int) ((i / inner) % channels);
        return quantize(v, maxAbs, scaleOf, new long[] {channels}, bits);
    }

    /** Blocks of {@code block} along {@code axis}; {@code dims[axis]} must be a multiple of {@code block}. */
    static Result blockwise(float[] v, long[] dims, int axis, int block, int bits) {
        long inner = inner(dims, axis);
        int d = (int) dims[axis], blocks = d / block;
        long[] sdims = dims.clone();
        sdims[axis] = blocks;
        int n = 1;
        for (long x : sdims) n *= (int) x;
        double[] maxAbs = new double[n];
        int[] scaleOf = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            long r = i % inner, k = (i / inner) % d, o = i / inner / d;
            int s = (int) ((o * blocks + k / block) * inner + r);
            scaleOf[i] = s;
            maxAbs[s] = Math.max(maxAbs[s], Math.abs(v[i]));
        }
        return quantize(v, maxAbs, scaleOf, sdims, bits);
    }

    /** Clipping ratios tried per scale: the one with the least squared weight error wins (1.0 = plain max|w|). */
    private static final double[] CLIP = {1.0, 0.975, 0.95, 0.925, 0.9, 0.875, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.55, 0.5};

    /**
     * Symmetric quantization with, per scale, the clipping of max|w| that minimises the squared error
     * (outlier weights clipped when that costs less than the coarser step for all others; most useful at
     * 4 bits, never worse than max|w| since 1.0 is among the candidates).
     */
    private static Result quantize(float[] v, double[] maxAbs, int[] scaleOf, long[] sdims, int bits) {
        int qmax = bits == 4 ? 7 : 127, qmin = bits == 4 ? -8 : -127;
        double[][] err = new double[maxAbs.length][CLIP.length];
        for (int i = 0; i < v.length; i++) {
            int g = scaleOf[i];
            if (maxAbs[g] == 0) continue;
            for (int c = 0; c < CLIP.length; c++) {
                double s = maxAbs[g] * CLIP[c] / qmax;
                double d = v[i] - Math.max(qmin, Math.min(qmax, Math.round(v[i] / s))) * s;
                err[g][c] += d * d;
            }
        }
        float[] scales = new float[maxAbs.length];
        for (int g = 0; g < scales.length; g++) {
            int best = 0;
            for (int c = 1; c < CLIP.length; c++) if (err[g][c] < err[g][best]) best = c;
            scales[g] = maxAbs[g] == 0 ? 1f : (float) (maxAbs[g] * CLIP[best] / qmax);
        }
        byte[] q = new byte[v.length];
        float[] dq = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            float s = scales[scaleOf[i]];
            q[i] = (byte) Math.max(qmin, Math.min(qmax, Math.round(v[i] / s)));
            dq[i] = q[i] * s;
        }
        return new Result(q, scales, sdims, dq);
    }

    static long inner(long[] dims, int axis) {
        long inner = 1;
        for (int i = axis + 1; i < dims.length; i++) inner *= dims[i];
        return inner;
    }

    /** Two int4 values per byte, the first in the low nibble (ONNX's packing). */
    static byte[] packInt4(byte[] v) {
        byte[] out = new byte[(v.length + 1) / 2];
        for (int i = 0; i < v.length; i++) out[i / 2] |= (byte) ((v[i] & 0x0f) << (i % 2 == 0 ? 0 : 4));
        return out;
    }

    /** bfloat16 bits of {@code f}: the upper 16 bits of fp32, rounded to nearest even. */
    static short toBfloat16(float f) {
        int bits = Float.floatToRawIntBits(f);
        if (Float.isNaN(f)) return (short) ((bits >>> 16) | 0x40);
        int lsb = (bits >>> 16) & 1;
        return (short) ((bits + 0x7fff + lsb) >>> 16);
    }

    /** Little-endian 16-bit storage of {@code v} in fp16 or bf16. */
    static byte[] to16(float[] v, boolean bf16) {
        byte[] out = new byte[2 * v.length];
        for (int i = 0; i < v.length; i++) {
            short s = bf16 ? toBfloat16(v[i]) : org.npustudio.ir.Float16.fromFloat(v[i]);
            out[2 * i] = (byte) s;
            out[2 * i + 1] = (byte) (s >> 8);
        }
        return out;
    }
}
