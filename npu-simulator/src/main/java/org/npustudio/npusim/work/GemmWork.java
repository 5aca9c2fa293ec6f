package org.npustudio.npusim.work;

import org.npustudio.npusim.GemmShape;

/**
 * {@code count} independent GEMMs of one shape (a grouped conv has one per group; a batched MatMul one
 * per batch item). Input 0 is the ifmap (A), input 1 the weights (B), input 2 an optional bias.
 */
public record GemmWork(String opType, GemmShape gemm, long count, long[] inputElements, boolean[] constantInputs,
                       long[] outputElements, int windowRows) implements OpWork {
    public GemmWork {
        if (count <= 0) throw new IllegalArgumentException("GEMM count must be positive: " + count);
    }

    @Override
    public long macs() { return Math.multiplyExact(gemm.macs(), count); }

    public long ifmapElements() { return inputElements[0]; }

    public long weightElements() { return inputElements.length > 1 ? inputElements[1] : 0; }

    public long ofmapElements() { return outputElements[0]; }

    @Override
    public boolean equals(Object o) { return o instanceof GemmWork w && WorkEquality.same(this, w) && gemm.equals(w.gemm) && count == w.count; }

    @Override
    public int hashCode() { return WorkEquality.hash(this) * 31 + gemm.hashCode(); }
}
