package org.npustudio.graphview.layout;

import java.util.Arrays;

/** Growable long array (packed node pairs). */
final class LongList {
    private long[] data = new long[16];
    private int size;

    void add(long v) {
        if (size == data.length) data = Arrays.copyOf(data, size * 2);
        data[size++] = v;
    }

    int size() { return size; }

    long[] toSortedArray() {
        long[] a = Arrays.copyOf(data, size);
        Arrays.sort(a);
        return a;
    }
}
