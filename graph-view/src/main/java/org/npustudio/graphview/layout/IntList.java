package org.npustudio.graphview.layout;

import java.util.Arrays;

/** Growable int array; avoids boxing in the hot loops of the layout pipeline. */
final class IntList {
    private int[] data;
    private int size;

    IntList() { this(16); }

    IntList(int capacity) { data = new int[Math.max(4, capacity)]; }

    void add(int v) {
        if (size == data.length) data = Arrays.copyOf(data, size * 2);
        data[size++] = v;
    }

    int get(int i) { return data[i]; }

    void set(int i, int v) { data[i] = v; }

    int size() { return size; }

    boolean isEmpty() { return size == 0; }

    int pop() { return data[--size]; }

    int peek() { return data[size - 1]; }

    void clear() { size = 0; }

    int[] toArray() { return Arrays.copyOf(data, size); }
}
