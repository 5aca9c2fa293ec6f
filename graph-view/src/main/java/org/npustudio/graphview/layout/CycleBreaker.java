package org.npustudio.graphview.layout;

/**
 * Chooses edges to reverse so the graph becomes acyclic, with the greedy heuristic of Eades, Lin and Smyth
 * (repeatedly peel sinks and sources, otherwise take the node with the largest out-minus-in degree).
 * Linear time with bucket lists; on a DAG it reverses nothing. Self-loops are left to the caller.
 */
final class CycleBreaker {
    private CycleBreaker() {}

    /** Returns, per edge, whether it must be reversed. Self-loops are never reversed. */
    static boolean[] reversedEdges(int n, int[] src, int[] dst, LayoutMonitor monitor) {
        int m = src.length;
        int[] outStart = new int[n + 1];
        int[] inStart = new int[n + 1];
        for (int e = 0; e < m; e++) {
            if (src[e] == dst[e]) continue;
            outStart[src[e] + 1]++;
            inStart[dst[e] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            outStart[i + 1] += outStart[i];
            inStart[i + 1] += inStart[i];
        }
        int[] outAdj = new int[outStart[n]];
        int[] inAdj = new int[inStart[n]];
        int[] fillOut = outStart.clone();
        int[] fillIn = inStart.clone();
        for (int e = 0; e < m; e++) {
            if (src[e] == dst[e]) continue;
            outAdj[fillOut[src[e]]++] = dst[e];
            inAdj[fillIn[dst[e]]++] = src[e];
        }
        int[] indeg = new int[n];
        int[] outdeg = new int[n];
        int maxDeg = 0;
        for (int v = 0; v < n; v++) {
            indeg[v] = inStart[v + 1] - inStart[v];
            outdeg[v] = outStart[v + 1] - outStart[v];
            maxDeg = Math.max(maxDeg, Math.max(indeg[v], outdeg[v]));
        }
        // Buckets of nodes by out-in degree, as doubly linked lists.
        int offset = maxDeg;
        int[] head = new int[2 * maxDeg + 1];
        java.util.Arrays.fill(head, -1);
        int[] next = new int[n];
        int[] prev = new int[n];
        int[] bucket = new int[n];
        boolean[] removed = new boolean[n];
        IntList sinks = new IntList();
        IntList sources = new IntList();
        for (int v = n - 1; v >= 0; v--) {
            bucket[v] = outdeg[v] - indeg[v] + offset;
            link(v, head, next, prev, bucket[v]);
            if (outdeg[v] == 0) sinks.add(v);
            else if (indeg[v] == 0) sources.add(v);
        }
        int maxBucket = head.length - 1;
        int[] rank = new int[n];
        int left = 0;
        int right = n - 1;
        int done = 0;
        while (done < n) {
            if ((done & 1023) == 0) monitor.report(done / (double) n);
            int v = -1;
            boolean toRight = false;
            while (!sinks.isEmpty()) {
                int c = sinks.pop();
                if (!removed[c]) { v = c; toRight = true; break; }
            }
            if (v < 0) {
                while (!sources.isEmpty()) {
                    int c = sources.pop();
                    if (!removed[c]) { v = c; break; }
                }
            }
            if (v < 0) {
                while (maxBucket >= 0 && head[maxBucket] < 0) maxBucket--;
                v = head[maxBucket];
            }
            removed[v] = true;
            unlink(v, head, next, prev, bucket[v]);
            rank[v] = toRight ? right-- : left++;
            done++;
            for (int i = outStart[v]; i < outStart[v + 1]; i++) {
                int u = outAdj[i];
                if (removed[u]) continue;
                indeg[u]--;
                maxBucket = Math.max(maxBucket, move(u, bucket[u] + 1, head, next, prev, bucket));
                if (indeg[u] == 0 && outdeg[u] > 0) sources.add(u);
            }
            for (int i = inStart[v]; i < inStart[v + 1]; i++) {
                int u = inAdj[i];
                if (removed[u]) continue;
                outdeg[u]--;
                move(u, bucket[u] - 1, head, next, prev, bucket);
                if (outdeg[u] == 0) sinks.add(u);
            }
        }
        boolean[] reversed = new boolean[m];
        for (int e = 0; e < m; e++) reversed[e] = src[e] != dst[e] && rank[src[e]] > rank[dst[e]];
        return reversed;
    }

    private static int move(int v, int to, int[] head, int[] next, int[] prev, int[] bucket) {
        unlink(v, head, next, prev, bucket[v]);
        bucket[v] = to;
        link(v, head, next, prev, to);
        return to;
    }

    private static void link(int v, int[] head, int[] next, int[] prev, int b) {
        next[v] = head[b];
        prev[v] = -1;
        if (head[b] >= 0) prev[head[b]] = v;
        head[b] = v;
    }

    private static void unlink(int v, int[] head, int[] next, int[] prev, int b) {
        if (prev[v] >= 0) next[prev[v]] = next[v];
        else head[b] = next[v];
        if (next[v] >= 0) prev[next[v]] = prev[v];
    }
}
