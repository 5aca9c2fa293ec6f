package org.npustudio.npusim;

/** A matrix multiply (M x K) * (K x N): M output rows (pixels), N output columns (filters), K reduction. */
public record GemmShape(long m, long n, long k) {
    public GemmShape {
        if (m <= 0 || n <= 0 || k <= 0) throw new IllegalArgumentException("GEMM dimensions must be positive: " + m + "x" + n + "x" + k);
    }

    public long macs() { return Math.multiplyExact(Math.multiplyExact(m, n), k); }
}
