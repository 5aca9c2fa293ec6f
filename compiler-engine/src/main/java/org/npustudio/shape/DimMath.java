package org.npustudio.shape;

import java.util.List;
import org.npustudio.ir.Dim;

/** Arithmetic on possibly symbolic or unknown dimensions, following ONNX's inference conventions. */
final class DimMath {
    private DimMath() {}

    /** Product of dims: a number when all are known, the lone symbol when the others are 1, else unknown. */
    static Dim product(List<Dim> dims) {
        long n = 1;
        Dim symbol = null;
        for (Dim d : dims) {
            if (d.isKnown()) {
                n = Math.multiplyExact(n, d.value());
            } else if (d.isSymbolic() && symbol == null) {
                symbol = d;
            } else {
                return n == 0 ? Dim.of(0) : Dim.UNKNOWN;
            }
        }
        if (symbol == null) return Dim.of(n);
        if (n == 0) return Dim.of(0);
        return n == 1 ? symbol : Dim.UNKNOWN;
    }

    /** a + b with known numbers; symbolic + 0 keeps the symbol. */
    static Dim add(Dim a, long b) {
        if (a.isKnown()) return Dim.of(Math.max(0, a.value() + b));
        return b == 0 ? a : Dim.UNKNOWN;
    }

    /** ceil(a / b) for a positive b (Java 17 has no Math.ceilDiv). */
    static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    static Dim times(Dim a, long b) {
        if (a.isKnown()) return Dim.of(a.value() * b);
        return b == 1 ? a : Dim.UNKNOWN;
    }

    /** Same extent: equal numbers or the same symbol. */
    static boolean sameExtent(Dim a, Dim b) {
        if (a.isKnown() || b.isKnown()) return a.isKnown() && b.isKnown() && a.value() == b.value();
        return a.isSymbolic() && b.isSymbolic() && a.param().equals(b.param());
    }

    /**
     * Two dims that must be equal (e.g. Concat's non-axis dims): the more specific one. Known beats
     * symbolic beats unknown; two different known numbers are a conflict and return null.
     */
    static Dim unify(Dim a, Dim b) {
        if (a.isKnown() && b.isKnown()) return a.value() == b.value() ? a : null;
        if (a.isKnown()) return a;
        if (b.isKnown()) return b;
        return a.isSymbolic() ? a : b;
    }

    /** Normalises a possibly negative axis against {@code rank}; -1 when out of range. */
    static int axis(long axis, int rank) {
        long a = axis < 0 ? axis + rank : axis;
        return a < 0 || a >= rank ? -1 : (int) a;
    }
}
