package org.npustudio.ir;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** An immutable tensor shape. A null Shape reference (never this class) means "rank unknown". */
public final class Shape {
    public static final Shape SCALAR = new Shape(List.of());

    private final List<Dim> dims;

    private Shape(List<Dim> dims) {
        this.dims = dims;
    }

    public static Shape of(List<Dim> dims) {
        return new Shape(List.copyOf(dims));
    }

    public static Shape of(long... sizes) {
        List<Dim> list = new ArrayList<>(sizes.length);
        for (long s : sizes) list.add(Dim.of(s));
        return new Shape(List.copyOf(list));
    }

    public List<Dim> dims() { return dims; }

    public int rank() { return dims.size(); }

    public Dim dim(int i) { return dims.get(i < 0 ? i + dims.size() : i); }

    /** True when every dimension is a known number. */
    public boolean isStatic() {
        for (Dim d : dims) if (!d.isKnown()) return false;
        return true;
    }

    /** Element count, or -1 if a dimension is not known. Throws on overflow. */
    public long elementCount() {
        long n = 1;
        for (Dim d : dims) {
            if (!d.isKnown()) return -1;
            n = Math.multiplyExact(n, d.value());
        }
        return n;
    }

    /** Known sizes as an array; unknown dimensions appear as -1. */
    public long[] sizes() {
        long[] out = new long[dims.size()];
        for (int i = 0; i < out.length; i++) out[i] = dims.get(i).value();
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && s.dims.equals(dims);
    }

    @Override
    public int hashCode() { return dims.hashCode(); }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < dims.size(); i++) {
            if (i > 0) b.append(',');
            b.append(dims.get(i));
        }
        return b.append(']').toString();
    }

    public static Shape fromSizes(long[] sizes) {
        return of(Arrays.copyOf(sizes, sizes.length));
    }
}
