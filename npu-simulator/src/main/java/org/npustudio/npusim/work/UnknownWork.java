package org.npustudio.npusim.work;

/**
 * An op the NPU cost model does not know (or whose shapes are unknown): it runs on the CPU, costed from
 * its tensor sizes. {@code reason} ends up in the fallback warning.
 */
public record UnknownWork(String opType, String reason, long[] inputElements, boolean[] constantInputs,
                          long[] outputElements) implements OpWork {
    @Override
    public int windowRows() { return 0; }

    @Override
    public boolean equals(Object o) { return o instanceof UnknownWork w && WorkEquality.same(this, w) && reason.equals(w.reason); }

    @Override
    public int hashCode() { return WorkEquality.hash(this); }
}
