package org.npustudio.samples;

import java.util.Arrays;

/** Static output shapes of the ops the samples use; mismatches fail while building, not at run time. */
final class ShapeMath {
    private ShapeMath() {}

    /** Conv/pool spatial size with floor rounding (ceil_mode 0) and dilation 1. */
    static long pooled(long in, long kernel, long stride, long pad) {
        long out = Math.floorDiv(in + 2 * pad - kernel, stride) + 1;
        if (out < 1) throw new IllegalArgumentException("window " + kernel + " does not fit input " + in + " with pad " + pad);
        return out;
    }

    /** NCHW output of a square kernel. */
    static long[] window2d(long[] x, long channels, long kernel, long stride, long pad) {
        require(x.length == 4, "expected an NCHW tensor, got " + Arrays.toString(x));
        return new long[] {x[0], channels, pooled(x[2], kernel, stride, pad), pooled(x[3], kernel, stride, pad)};
    }

    /** Numpy-style broadcasting. */
    static long[] broadcast(long[] a, long[] b) {
        int rank = Math.max(a.length, b.length);
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            long da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            long db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            require(da == db || da == 1 || db == 1, "cannot broadcast " + Arrays.toString(a) + " with " + Arrays.toString(b));
            out[i] = Math.max(da, db);
        }
        return out;
    }

    /** MatMul of rank >= 2 operands with broadcast batch dimensions. */
    static long[] matmul(long[] a, long[] b) {
        require(a.length >= 2 && b.length >= 2, "MatMul needs rank >= 2");
        require(a[a.length - 1] == b[b.length - 2], "MatMul inner sizes differ: " + Arrays.toString(a) + " x " + Arrays.toString(b));
        long[] batch = broadcast(Arrays.copyOf(a, a.length - 2), Arrays.copyOf(b, b.length - 2));
        long[] out = Arrays.copyOf(batch, batch.length + 2);
        out[batch.length] = a[a.length - 2];
        out[batch.length + 1] = b[b.length - 1];
        return out;
    }

    static long[] transpose(long[] x, long[] perm) {
        require(perm.length == x.length, "perm " + Arrays.toString(perm) + " does not fit rank " + x.length);
        long[] out = new long[x.length];
        for (int i = 0; i < perm.length; i++) out[i] = x[(int) perm[i]];
        return out;
    }

    static long elements(long[] shape) {
        long n = 1;
        for (long d : shape) n = Math.multiplyExact(n, d);
        return n;
    }

    static void require(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }
}
