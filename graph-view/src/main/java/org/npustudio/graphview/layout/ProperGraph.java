package org.npustudio.graphview.layout;

/**
 * The layered graph with long edges split into chains of dummy nodes, so every edge joins consecutive layers.
 * Nodes 0..realCount-1 are the input nodes; dummies follow. Holds the current in-layer order as well.
 */
final class ProperGraph {
    final int realCount;
    final int size;
    final int layerCount;
    final int[] layer;
    final double[] width;
    final double[] height;
    /** Neighbours in the next layer (down) and previous layer (up); parallel edges appear repeatedly. */
    Layerer.Csr down;
    Layerer.Csr up;
    /**
     * Per acyclic edge: its dummy nodes in flow order are chain[chainOffset[e] .. chainOffset[e] + chainLength[e]).
     * Edges leaving one node in the same bundle (one tensor feeding several consumers) share a trunk of dummies,
     * so a value used by many later layers costs its longest span in dummies, not the sum of all spans.
     */
    final int[] chainOffset;
    final int[] chainLength;
    final int[] chain;
    /** Per chain index: end (exclusive) of the trunk it belongs to. */
    final int[] trunkEnd;
    /** Node order inside each layer, and each node's index in its layer. */
    final int[][] layers;
    final int[] pos;

    private ProperGraph(int realCount, int size, int layerCount, int[] layer, double[] width, double[] height,
                        int[] chainOffset, int[] chainLength, int[] chain) {
        this.realCount = realCount;
        this.size = size;
        this.layerCount = layerCount;
        this.layer = layer;
        this.width = width;
        this.height = height;
        this.chainOffset = chainOffset;
        this.chainLength = chainLength;
        this.chain = chain;
        this.trunkEnd = new int[chain.length];
        this.layers = new int[layerCount][];
        this.pos = new int[size];
    }

    boolean isDummy(int v) { return v >= realCount; }

    /**
     * @param src, dst   acyclic edges (self-loops excluded by the caller: src != dst)
     * @param bundle     per edge, edges from one source with equal bundle share dummies (e.g. the output index)
     * @param nodeLayer  layer of each real node, every edge going to a strictly higher layer
     */
    static ProperGraph build(int n, double[] w, double[] h, int[] src, int[] dst, int[] bundle, int[] nodeLayer, double dummyWidth) {
        int m = src.length;
        int[] span = new int[m];
        for (int e = 0; e < m; e++) {
            span[e] = nodeLayer[dst[e]] - nodeLayer[src[e]];
            if (span[e] < 1) throw new IllegalStateException("edge does not point downwards after layering");
        }
        Layerer.Csr outEdges = edgesBySource(n, src);
        // Pass 1: size the trunks. Edges of a source sorted by (bundle, span); one trunk per bundle.
        long[] keys = new long[16];
        int[] chainOffset = new int[m];
        int[] chainLength = new int[m];
        int dummies = 0;
        IntList trunkSource = new IntList();
        IntList trunkStart = new IntList();
        for (int v = 0; v < n; v++) {
            int s0 = outEdges.start[v], deg = outEdges.start[v + 1] - s0;
            if (deg == 0) continue;
            if (keys.length < deg) keys = new long[deg * 2];
            for (int i = 0; i < deg; i++) {
                int e = outEdges.adj[s0 + i];
                keys[i] = ((long) bundle[e] << 44) | ((long) span[e] << 22) | i;
            }
            java.util.Arrays.sort(keys, 0, deg);
            int i = 0;
            while (i < deg) {
                int b = (int) (keys[i] >>> 44);
                int j = i;
                int maxSpan = 1;
                while (j < deg && (int) (keys[j] >>> 44) == b) {
                    int e = outEdges.adj[s0 + (int) (keys[j] & 0x3fffff)];
                    maxSpan = Math.max(maxSpan, span[e]);
                    chainOffset[e] = dummies;
                    chainLength[e] = span[e] - 1;
                    j++;
                }
                if (maxSpan > 1) {
                    trunkSource.add(v);
                    trunkStart.add(dummies);
                }
                dummies += maxSpan - 1;
                i = j;
            }
        }
        int size = n + dummies;
        int[] layer = new int[size];
        double[] width = new double[size];
        double[] height = new double[size];
        int layerCount = 0;
        for (int v = 0; v < n; v++) {
            layer[v] = nodeLayer[v];
            width[v] = w[v];
            height[v] = h[v];
            layerCount = Math.max(layerCount, nodeLayer[v] + 1);
        }
        int[] chain = new int[dummies];
        for (int k = 0; k < dummies; k++) chain[k] = n + k;
        ProperGraph g = new ProperGraph(n, size, layerCount, layer, width, height, chainOffset, chainLength, chain);
        // Pass 2: segments, each trunk once, then the last segment of every edge (linear, not sum of spans).
        IntList segFrom = new IntList(m + dummies);
        IntList segTo = new IntList(m + dummies);
        for (int t = 0; t < trunkStart.size(); t++) {
            int prev = trunkSource.get(t);
            int end = t + 1 < trunkStart.size() ? trunkStart.get(t + 1) : dummies;
            for (int k = trunkStart.get(t); k < end; k++) {
                int d = chain[k];
                g.trunkEnd[k] = end;
                layer[d] = layer[prev] + 1;
                width[d] = dummyWidth;
                segFrom.add(prev);
                segTo.add(d);
                prev = d;
            }
        }
        for (int e = 0; e < m; e++) {
            segFrom.add(chainLength[e] == 0 ? src[e] : chain[chainOffset[e] + chainLength[e] - 1]);
            segTo.add(dst[e]);
        }
        int[] sf = segFrom.toArray(), st = segTo.toArray();
        g.down = Layerer.Csr.of(size, sf, st);
        g.up = Layerer.Csr.of(size, st, sf);
        return g;
    }

    /** Edge ids grouped by source node, in edge order. */
    private static Layerer.Csr edgesBySource(int n, int[] src) {
        int[] ids = new int[src.length];
        for (int e = 0; e < ids.length; e++) ids[e] = e;
        return Layerer.Csr.of(n, src, ids);
    }

    /** Sets the order of every layer from a sequence of all nodes; nodes keep the sequence's relative order. */
    void setOrderFromSequence(int[] sequence) {
        int[] count = new int[layerCount];
        for (int v = 0; v < size; v++) count[layer[v]]++;
        for (int l = 0; l < layerCount; l++) layers[l] = new int[count[l]];
        java.util.Arrays.fill(count, 0);
        for (int v : sequence) {
            int l = layer[v];
            pos[v] = count[l];
            layers[l][count[l]++] = v;
        }
    }

    void updatePositions(int l) {
        int[] ord = layers[l];
        for (int i = 0; i < ord.length; i++) pos[ord[i]] = i;
    }
}
