package org.npustudio.npusim.work;

import org.npustudio.npusim.GemmShape;

/**
 * An ONNX LSTM, GRU or RNN as GEMMs plus vector work. Per direction, the input projection of the whole
 * sequence is one GEMM ({@code input}: M = seq·batch, N = gates·hidden, K = input size); every step then
 * multiplies the hidden state by R ({@code recurrent}: M = batch, N = gates·hidden, K = hidden), so it runs
 * {@code steps} = seq·directions times one after another. {@code vectorElements} counts the gate
 * activations and element-wise updates. Inputs follow ONNX: X, W, R, B, sequence_lens, initial_h,
 * initial_c, P.
 */
public record RecurrentWork(String opType, GemmShape input, GemmShape recurrent, long directions, long steps,
                            long vectorElements, long[] inputElements, boolean[] constantInputs, long[] outputElements)
        implements OpWork {

    @Override
    public long macs() {
        return Math.addExact(Math.multiplyExact(input.macs(), directions), Math.multiplyExact(recurrent.macs(), steps));
    }

    @Override
    public int windowRows() { return 0; }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecurrentWork w && WorkEquality.same(this, w) && input.equals(w.input) && recurrent.equals(w.recurrent)
                && directions == w.directions && steps == w.steps && vectorElements == w.vectorElements;
    }

    @Override
    public int hashCode() { return WorkEquality.hash(this) * 31 + input.hashCode() * 7 + recurrent.hashCode(); }
}
