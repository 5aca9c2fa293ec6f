package org.npustudio.samples;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Seeded weight values. Every tensor draws from its own stream, seeded by the model seed and the
 * tensor's name, so changing one layer never shifts the weights of the others. Only uniform draws
 * ({@link SplittableRandom#nextDouble()}, whose algorithm is specified) are used, which keeps the bytes
 * identical across JDK versions.
 */
final class WeightInit {
    private final long seed;

    WeightInit(long seed) {
        this.seed = seed;
    }

    /** He/Kaiming uniform: variance 2/fanIn, so ReLU layers keep the activations' scale. */
    float[] kaiming(String name, int count, long fanIn) {
        double bound = Math.sqrt(6.0 / fanIn);
        return uniform(name, count, -bound, bound);
    }

    /** PyTorch's default bias range for Conv and Linear: U(-1/sqrt(fanIn), 1/sqrt(fanIn)). */
    float[] bias(String name, int count, long fanIn) {
        double bound = 1.0 / Math.sqrt(fanIn);
        return uniform(name, count, -bound, bound);
    }

    float[] uniform(String name, int count, double lo, double hi) {
        SplittableRandom r = new SplittableRandom(seed ^ fnv1a64(name));
        float[] out = new float[count];
        for (int i = 0; i < count; i++) out[i] = (float) (lo + (hi - lo) * r.nextDouble());
        return out;
    }

    /** 64-bit FNV-1a of the UTF-8 bytes: stable, unlike hashCode-based mixing of other types. */
    static long fnv1a64(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
