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
 * [-1, 1) (float16: random bit patterns of magnitude below 1); integers in [0, 8) so they are valid indices into small tables; booleans fair coins. Each
 * input draws from its own stream (seed and input name), so adding an input does not change the others.
 * An input whose shape is not static is an error asking for {@code --input-shape} (it used to be
 * filled with 1s, which made convolutions over "time" or "width" fail with a misleading message).
 */
public final class RandomInputs {
    private RandomInputs() {}

    public static Map<String, Tensor> forGraph(Graph g, long seed) throws StudioException {
        return forGraph(g, seed, java.util.Set.of());
    }

    /** Random values for every input except those in {@code given} (which the caller supplies). */
    public static Map<String, Tensor> forGraph(Graph g, long seed, java.util.Set<String> given) throws StudioException {
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
            out.put(v.name(), random(v.name(), t.elemType(), dims, new SplittableRandom(seed ^ (long) v.name().hashCode() * 0x9E3779B97F4A7C15L)));
        }
        return out;
    }

    static Tensor random(String name, DataType type, long[] dims, SplittableRandom r) throws StudioException {
        long n = 1;
        for (long d : dims) n = Math.multiplyExact(n, d);
        if (n * Math.max(1, type.bits() / 8) > Integer.MAX_VALUE) throw new StudioException("input '" + name + "'", "", "is too large to generate");
        int count = (int) n;
        ByteBuffer b = ByteBuffer.allocate((int) type.bytesFor(count)).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            switch (type) {
                case FLOAT -> b.putFloat((float) (r.nextDouble() * 2 - 1));
                case DOUBLE -> b.putDouble(r.nextDouble() * 2 - 1);
                // sign, exponent below the bias (|v| < 1), any mantissa
                case FLOAT16 -> b.putShort((short) (r.nextInt(2) << 15 | r.nextInt(15) << 10 | r.nextInt(1024)));
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
}
