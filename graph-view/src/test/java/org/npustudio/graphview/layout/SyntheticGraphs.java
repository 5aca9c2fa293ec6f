package org.npustudio.graphview.layout;

import java.util.SplittableRandom;

/**
 * Deterministic synthetic graphs shaped like real networks, for tests and the benchmark: plain chains,
 * residual networks (chains with skip connections) and transformer stacks (fan-out to Q/K/V, fan-in).
 * Node sizes vary like labelled operator boxes.
 */
public final class SyntheticGraphs {
    private SyntheticGraphs() {}

    /** Builder wrapper that gives every node a label-like size from a seeded generator. */
    private static final class Maker {
        final LayoutGraph.Builder b = LayoutGraph.builder();
        final SplittableRandom rnd;

        Maker(long seed) { rnd = new SplittableRandom(seed); }

        int node() {
            int id = b.nodeCount();
            return b.addNode(60 + rnd.nextInt(100), 28 + 14 * rnd.nextInt(3), "n" + id);
        }

        int node(int... preds) {
            int v = node();
            for (int p : preds) b.addEdge(p, v);
            return v;
        }
    }

    public static LayoutGraph chain(int n) {
        Maker mk = new Maker(1);
        int prev = mk.node();
        for (int i = 1; i < n; i++) prev = mk.node(prev);
        return mk.b.build();
    }

    /** ResNet-like: blocks conv-bn-relu-conv-bn-add-relu with identity skips and projection skips every 4th block. */
    public static LayoutGraph residual(int targetNodes) {
        Maker mk = new Maker(2);
        int x = mk.node();
        int block = 0;
        while (mk.b.nodeCount() + 8 <= targetNodes) {
            int c1 = mk.node(x), b1 = mk.node(c1), r1 = mk.node(b1), c2 = mk.node(r1), b2 = mk.node(c2);
            int skip = x;
            if (block % 4 == 0) skip = mk.node(mk.node(x));
            int add = mk.node(b2, skip);
            x = mk.node(add);
            block++;
        }
        while (mk.b.nodeCount() < targetNodes) x = mk.node(x);
        return mk.b.build();
    }

    /** Transformer-like: per block LayerNorm, Q/K/V fan-out, attention, residual add, MLP, residual add. */
    public static LayoutGraph transformer(int targetNodes) {
        Maker mk = new Maker(3);
        int x = mk.node();
        int mask = mk.node();
        while (mk.b.nodeCount() + 16 <= targetNodes) {
            int ln = mk.node(x);
            int q = mk.node(ln), k = mk.node(ln), v = mk.node(ln);
            int kt = mk.node(k);
            int scores = mk.node(q, kt);
            int masked = mk.node(scores, mask);
            int soft = mk.node(masked);
            int ctx = mk.node(soft, v);
            int proj = mk.node(ctx);
            int add1 = mk.node(x, proj);
            int ln2 = mk.node(add1);
            int up = mk.node(ln2), act = mk.node(up), downP = mk.node(act);
            x = mk.node(add1, downP);
        }
        while (mk.b.nodeCount() < targetNodes) x = mk.node(x);
        return mk.b.build();
    }

    /** Random graph with edges mostly forward (so few cycles) plus a share of backward edges creating cycles. */
    public static LayoutGraph random(int n, int edgesPerNode, double backwardShare, long seed) {
        Maker mk = new Maker(seed);
        for (int i = 0; i < n; i++) mk.node();
        SplittableRandom r = new SplittableRandom(seed * 31 + 7);
        for (int v = 1; v < n; v++) {
            for (int k = 0; k < edgesPerNode; k++) {
                int u = Math.max(0, v - 1 - r.nextInt(Math.min(v, 12)));
                if (r.nextDouble() < backwardShare) mk.b.addEdge(v, u);
                else mk.b.addEdge(u, v);
            }
        }
        return mk.b.build();
    }
}
