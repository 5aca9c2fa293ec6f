package org.npustudio.npusim.work;

/** Pure data movement (Transpose, Concat, Split, Slice, Pad, Gather, ...): DRAM traffic, no arithmetic. */
public record MoveWork(String opType, long[] inputElements, boolean[] constantInputs, long[] outputElements) implements OpWork {
    @Override
    public int windowRows() { return 0; }

    @Override
    public boolean equals(Object o) { return o instanceof MoveWork w && WorkEquality.same(this, w); }

    @Override
    public int hashCode() { return WorkEquality.hash(this); }
}
