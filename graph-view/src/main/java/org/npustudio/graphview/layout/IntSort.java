package org.npustudio.graphview.layout;

/** Stable, allocation-light sorting of int ids by a double key, bottom-up so it never recurses. */
final class IntSort {
    private int[] buffer = new int[16];

    /** Sorts ids[0..len) ascending by key[id]; equal keys keep their order. */
    void sortByKey(int[] ids, int len, double[] key) {
        if (len < 2) return;
        if (len <= 24) {
            insertion(ids, len, key);
            return;
        }
        if (buffer.length < len) buffer = new int[Math.max(len, buffer.length * 2)];
        int[] a = ids;
        int[] b = buffer;
        // Runs of 16 by insertion sort, then merge passes.
        for (int lo = 0; lo < len; lo += 16) insertionRange(a, lo, Math.min(len, lo + 16), key);
        for (int width = 16; width < len; width *= 2) {
            for (int lo = 0; lo < len; lo += 2 * width) {
                int mid = Math.min(len, lo + width);
                int hi = Math.min(len, lo + 2 * width);
                int i = lo, j = mid, k = lo;
                while (i < mid && j < hi) b[k++] = key[a[j]] < key[a[i]] ? a[j++] : a[i++];
                while (i < mid) b[k++] = a[i++];
                while (j < hi) b[k++] = a[j++];
            }
            int[] t = a;
            a = b;
            b = t;
        }
        if (a != ids) System.arraycopy(a, 0, ids, 0, len);
    }

    private static void insertion(int[] ids, int len, double[] key) { insertionRange(ids, 0, len, key); }

    private static void insertionRange(int[] a, int lo, int hi, double[] key) {
        for (int i = lo + 1; i < hi; i++) {
            int v = a[i];
            double kv = key[v];
            int j = i - 1;
            while (j >= lo && key[a[j]] > kv) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }
}
