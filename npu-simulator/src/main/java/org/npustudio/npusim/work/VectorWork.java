package org.npustudio.npusim.work;

/**
 * Work for the vector unit: element-wise ops, activations, pooling, softmax, normalisation and
 * reductions. {@code workElements} counts element operations (a 3x3 pool does 9 per output).
 */
public record VectorWork(String opType, long workElements, long[] inputElements, boolean[] constantInputs,
                         long[] outputElements, int windowRows) implements OpWork {
    @Override
    public boolean equals(Object o) { return o instanceof VectorWork w && WorkEquality.same(this, w) && workElements == w.workElements; }

    @Override
    public int hashCode() { return WorkEquality.hash(this) * 31 + Long.hashCode(workElements); }
}
