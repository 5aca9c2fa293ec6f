package org.npustudio.runtime;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.npustudio.error.StudioException;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Dim;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.TypeInfo;
import org.npustudio.ir.ValueInfo;

/**
 * Seeded random values for a graph's inputs (those that are not initializers). Floats are uniform in
 * [-1, 1) (float16: random bit patterns of magnitude below 1), or standard normal with
 * {@link Distribution#GAUSSIAN} (what accuracy checks use: it reaches the tails uniform values never do);
 * integers in [0, 8) so they are valid indices into small tables; booleans fair coins. Each
 * input draws from its own stream (seed and input name), so adding an input does not change the others.
 * An input whose shape is not static is an error asking for {@code --input-shape} (it used to be
 * filled with 1s, which made convolutions over "time" or "width" fail with a misleading message).
 */
public final class RandomInputs {
    private RandomInputs() {}

    /** How float inputs are drawn; integer and boolean inputs are the same under both. */
    public enum Distribution {
        /** uniform in [-1, 1) */
        UNIFORM,
        /** standard normal (mean 0, deviation 1) */
        GAUSSIAN
    }

    public static Map<String, Tensor> forGraph(Graph g, long seed) throws StudioException {
        return forGraph(g, seed, Distribution.UNIFORM, java.util.Set.of());
    }

    public static Map<String, Tensor> forGraph(Graph g, long seed, Distribution dist) throws StudioException {
        return forGraph(g, seed, dist, java.util.Set.of());
    }

    /** Random values for every input except those in {@code given} (which the caller supplies). */
    public static Map<String, Tensor> forGraph(Graph g, long seed, java.util.Set<String> given) throws StudioException {
        return forGraph(g, seed, Distribution.UNIFORM, given);
    }

    /** Random values drawn from {@code dist} for every input except those in {@code given}. */
    public static Map<String, Tensor> forGraph(Graph g, long seed, Distribution dist, java.util.Set<String> given) throws StudioException {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (ValueInfo v : g.inputs()) {
            if (g.isInitializer(v.name()) || given.contains(v.name())) continue;
            if (!(v.type() instanceof TypeInfo.TensorType t) || t.shape() == null) {
                throw new StudioException("input '" + v.name() + "'", "", "has no tensor type with a known rank; give it as a file (--inputs)");
            }
            long[] dims = new long[t.shape().rank()];
            for (int i = 0; i < dims.length; i++) {
                Dim d = t.shape().dim(i);
                if (!d.isKnown()) {
                    throw new StudioException("input '" + v.name() + "'", "", "dimension " + i + " of " + t.shape()
                            + " has no size; bind it with --input-shape " + v.name() + "=... or --dim SYMBOL=N");
                }
                dims[i] = d.value();
            }
            out.put(v.name(), random(v.name(), t.elemType(), dims, new SplittableRandom(seed ^ (long) v.name().hashCode() * 0x9E3779B97F4A7C15L), dist));
        }
        return out;
    }

    /**
     * What {@link #forGraph} gives one input, for the user: e.g. {@code x: random float32[1,3,48,320] uniform in
     * [-1, 1)} (an input with a dimension of no size gets none: {@link #forGraph} refuses it).
     */
    public static String describe(ValueInfo declared) {
        if (!(declared.type() instanceof TypeInfo.TensorType t) || t.shape() == null) return declared.name() + ": random (type or rank unknown)";
        String range = switch (t.elemType()) {
            case FLOAT, DOUBLE -> "uniform in [-1, 1)";
            case FLOAT16 -> "random bits of magnitude below 1";
            case BOOL -> "fair coins";
            default -> "integers in [0, 8)";
        };
        return declared.name() + ": random " + t.elemType().displayName() + t.shape() + " " + range;
    }

    static Tensor random(String name, DataType type, long[] dims, SplittableRandom r) throws StudioException {
        return random(name, type, dims, r, Distribution.UNIFORM);
    }

    static Tensor random(String name, DataType type, long[] dims, SplittableRandom r, Distribution dist) throws StudioException {
        boolean gauss = dist == Distribution.GAUSSIAN;
        long n = 1;
        for (long d : dims) n = Math.multiplyExact(n, d);
        if (n * Math.max(1, type.bits() / 8) > Integer.MAX_VALUE) throw new StudioException("input '" + name + "'", "", "is too large to generate");
        int count = (int) n;
        ByteBuffer b = ByteBuffer.allocate((int) type.bytesFor(count)).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            switch (type) {
                case FLOAT -> b.putFloat((float) (gauss ? r.nextGaussian() : r.nextDouble() * 2 - 1));
                case DOUBLE -> b.putDouble(gauss ? r.nextGaussian() : r.nextDouble() * 2 - 1);
                // uniform: sign, exponent below the bias (|v| < 1), any mantissa
                case FLOAT16 -> b.putShort(gauss ? toHalf((float) r.nextGaussian())
                        : (short) (r.nextInt(2) << 15 | r.nextInt(15) << 10 | r.nextInt(1024)));
                case INT64 -> b.putLong(r.nextInt(8));
                case INT32 -> b.putInt(r.nextInt(8));
                case INT16 -> b.putShort((short) r.nextInt(8));
                case INT8, UINT8 -> b.put((byte) r.nextInt(8));
                case BOOL -> b.put((byte) (r.nextBoolean() ? 1 : 0));
                default -> throw new StudioException("input '" + name + "'", "", "random " + type.displayName()
                        + " inputs are not supported; give it as a file (--inputs)");
            }
        }
        return Tensor.raw(name, type, dims, b.array());
    }

    /** float → IEEE half, rounded to nearest; |v| of a standard normal stays far inside half's range. */
    private static short toHalf(float v) {
        int f = Float.floatToIntBits(v);
        int sign = (f >>> 16) & 0x8000;
        int exp = ((f >>> 23) & 0xff) - 127 + 15;
        int mant = f & 0x7fffff;
        if (exp <= 0) return (short) sign; // below half's normal range: flush to zero
        if (exp >= 31) return (short) (sign | 0x7c00);
        int h = sign | exp << 10 | mant >>> 13;
        if ((mant & 0x1fff) > 0x1000 || (mant & 0x3fff) == 0x3000) h++; // round half to even
        return (short) h;
    }
}
