package org.npustudio.analysis;

/** Numpy-style broadcasting of static shapes. */
final class Broadcast {
    private Broadcast() {}

    /** The broadcast result of two shapes, or null when they are incompatible. */
    static long[] of(long[] a, long[] b) {
        int rank = Math.max(a.length, b.length);
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            long da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            long db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da == db || db == 1) out[i] = da;
            else if (da == 1) out[i] = db;
            else return null;
        }
        return out;
    }

    /** Product of sizes; throws ArithmeticException on overflow. */
    static long product(long[] sizes, int from, int to) {
        long n = 1;
        for (int i = from; i < to; i++) n = Math.multiplyExact(n, sizes[i]);
        return n;
    }

    static long product(long[] sizes) {
        return product(sizes, 0, sizes.length);
    }
}
