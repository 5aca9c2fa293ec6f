package org.npustudio.npusim.work;

/**
 * An op whose cost cannot be known: the cost model has no rule for it ({@link Uncosted#OPAQUE_OP}), its
 * shapes are unknown, or a loop's trip count is. It is placed on the CPU and reported as not costed.
 * {@code reason} ends up in the fallback warning.
 */
public record UnknownWork(String opType, String reason, Uncosted kind, long[] inputElements, boolean[] constantInputs,
                          long[] outputElements) implements OpWork {
    @Override
    public int windowRows() { return 0; }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownWork w && WorkEquality.same(this, w) && reason.equals(w.reason) && kind == w.kind;
    }

    @Override
    public int hashCode() { return WorkEquality.hash(this); }
}
