package org.npustudio.npusim.work;

/** Shape-only ops (Reshape, Flatten, Squeeze, Unsqueeze, Identity, ...): a new view, no work, no traffic. */
public record FreeWork(String opType, int inputs, int outputs) implements OpWork {
    @Override
    public long[] inputElements() { return new long[inputs]; }

    @Override
    public boolean[] constantInputs() { return new boolean[inputs]; }

    @Override
    public long[] outputElements() { return new long[outputs]; }

    @Override
    public int windowRows() { return 2; }
}
