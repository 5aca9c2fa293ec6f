package org.npustudio.npusim.work;

/**
 * What one node asks of a device, independent of the device: the element counts the cost models turn
 * into cycles and bytes. {@code inputElements[i]} is how many elements of the node's i-th input must
 * be read at least once (the unique elements; a strided 1x1 conv reads only the pixels it touches),
 * {@code outputElements[j]} how many of its j-th output are written. {@code constantInputs[i]} marks
 * initializers (weights), which are stored in the weight precision.
 */
public sealed interface OpWork permits GemmWork, VectorWork, MoveWork, FreeWork, UnknownWork, RecurrentWork, BodyWork {
    String opType();

    long[] inputElements();

    boolean[] constantInputs();

    long[] outputElements();

    /**
     * Rows of the first input's spatial map a line-buffered implementation must hold to make progress
     * (kernel extent plus stride for windows, 2 for element-wise streaming); 0 = the whole tensor.
     */
    int windowRows();

    /** Multiply-accumulates (0 for non-GEMM work). */
    default long macs() { return 0; }
}
