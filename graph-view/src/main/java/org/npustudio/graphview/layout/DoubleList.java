package org.npustudio.graphview.layout;

import java.util.Arrays;

/** Growable double array (edge polylines, constraint weights). */
final class DoubleList {
    private double[] data;
    private int size;

    DoubleList(int capacity) { data = new double[Math.max(4, capacity)]; }

    void add(double v) {
        if (size == data.length) data = Arrays.copyOf(data, size * 2);
        data[size++] = v;
    }

    double get(int i) { return data[i]; }

    int size() { return size; }

    void clear() { size = 0; }

    void removeLastPoint() { size -= 2; }

    double[] toArray() { return Arrays.copyOf(data, size); }
}
