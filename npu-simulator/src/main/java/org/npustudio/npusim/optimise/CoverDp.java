package org.npustudio.npusim.optimise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The cheapest cover of one topological order by device segments: dynamic programming over positions,
 * where a state is the device of the last node together with the devices of the <em>frontier</em> — the
 * earlier nodes whose values (or whose having received a value) are still read later. Transfer costs
 * depend on exactly those devices, so while the frontier has at most {@link #SLOTS} nodes and no more
 * than {@link #BEAM} states survive, the result is the optimum over every assignment of the order's
 * positions to devices (every cover by contiguous segments). A chain of blocks keeps a frontier of one
 * or two nodes, so it is solved exactly. Beyond that, the oldest frontier nodes are read back along the
 * best path into the state and only the cheapest {@link #BEAM} states are kept: a heuristic, flagged by
 * {@link Result#exact()}.
 */
final class CoverDp {
    static final int SLOTS = 6;
    static final int BEAM = 64;

    /** Device per position, the model cost, and whether it is the optimum over all covers of the order. */
    record Result(int[] device, double cost, boolean exact) {}

    /** Called every few hundred positions; may throw to cancel. */
    interface Tick {
        void at(int position, int positions);
    }

    private final CoverProblem p;
    private final int bits;
    private final int[][] slots;
    private boolean exact = true;
    private final List<double[]> cost = new ArrayList<>();
    private final List<int[]> parent = new ArrayList<>();
    private final List<int[]> dev = new ArrayList<>();
    private final List<long[]> key = new ArrayList<>();

    private CoverDp(CoverProblem p) {
        this.p = p;
        this.bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, p.devices() - 1)));
        this.slots = frontiers(p);
    }

    static Result solve(CoverProblem p, Tick tick) {
        return new CoverDp(p).run(tick);
    }

    private Result run(Tick tick) {
        int m = p.positions();
        if (m == 0) return new Result(new int[0], 0, true);
        for (int k = 0; k < m; k++) {
            if (tick != null && (k & 255) == 0) tick.at(k, m);
            step(k);
        }
        double[] c = cost.get(m - 1);
        int best = 0;
        for (int s = 1; s < c.length; s++) if (c[s] < c[best]) best = s;
        int[] out = new int[m];
        for (int k = m - 1, s = best; k >= 0; s = parent.get(k)[s], k--) out[k] = dev.get(k)[s];
        return new Result(out, c[best], exact);
    }

    private void step(int k) {
        int previous = k == 0 ? 1 : cost.get(k - 1).length;
        Map<Long, Integer> byKey = new HashMap<>();
        List<double[]> rows = new ArrayList<>(); // {cost, parent, device}
        List<Long> keys = new ArrayList<>();
        int first = p.capability[k];
        for (int s = 0; s < previous; s++) {
            double base = k == 0 ? 0 : cost.get(k - 1)[s];
            for (int t = 0; t < p.devices(); t++) {
                int d = t == 0 ? first : t <= first ? t - 1 : t;
                double own = p.cost[k][d];
                if (Double.isInfinite(own)) continue;
                double c = base + own + (k == 0 ? 0 : transfers(k, s, d));
                long kk = newKey(k, s, d);
                Integer at = byKey.get(kk);
                if (at == null) {
                    byKey.put(kk, rows.size());
                    rows.add(new double[] {c, s, d});
                    keys.add(kk);
                } else if (c < rows.get(at)[0]) {
                    rows.set(at, new double[] {c, s, d});
                }
            }
        }
        if (rows.isEmpty()) throw new IllegalStateException("no device can run position " + k);
        Integer[] keep = new Integer[rows.size()];
        for (int i = 0; i < keep.length; i++) keep[i] = i;
        if (keep.length > BEAM) {
            exact = false;
            Arrays.sort(keep, (a, b) -> Double.compare(rows.get(a)[0], rows.get(b)[0]));
            keep = Arrays.copyOf(keep, BEAM);
        }
        double[] c = new double[keep.length];
        int[] par = new int[keep.length];
        int[] dv = new int[keep.length];
        long[] ky = new long[keep.length];
        for (int i = 0; i < keep.length; i++) {
            double[] r = rows.get(keep[i]);
            c[i] = r[0];
            par[i] = (int) r[1];
            dv[i] = (int) r[2];
            ky[i] = keys.get(keep[i]);
        }
        cost.add(c);
        parent.add(par);
        dev.add(dv);
        key.add(ky);
    }

    /** Transfers into position k on device d, given state s at k-1. */
    private double transfers(int k, int s, int d) {
        double c = 0;
        for (CoverProblem.Input in : p.inputs[k]) {
            int from = deviceAt(k - 1, s, in.producer());
            if (from == d) continue;
            boolean delivered = false;
            for (int r : in.readers()) {
                if (r >= k) break;
                if (deviceAt(k - 1, s, r) == d) {
                    delivered = true;
                    break;
                }
            }
            if (!delivered) c += p.transfer(in.value(), from, d);
        }
        return c;
    }

    private long newKey(int k, int s, int d) {
        long kk = 0;
        int[] sl = slots[k];
        for (int i = 0; i < sl.length; i++) {
            int dq = sl[i] == k ? d : deviceAt(k - 1, s, sl[i]);
            kk |= ((long) dq) << (bits * i);
        }
        return kk;
    }

    /** Device of position q on the path through state s at position k (q <= k). */
    private int deviceAt(int k, int s, int q) {
        while (true) {
            if (q == k) return dev.get(k)[s];
            int[] sl = slots[k];
            for (int i = 0; i < sl.length; i++) {
                if (sl[i] == q) return (int) ((key.get(k)[s] >>> (bits * i)) & ((1L << bits) - 1));
            }
            s = parent.get(k)[s];
            k--;
        }
    }

    /** Per position, the (at most SLOTS most recent) earlier positions whose devices later transfers depend on. */
    private int[][] frontiers(CoverProblem p) {
        int m = p.positions();
        int[] neededUntil = new int[m];
        Arrays.fill(neededUntil, -1);
        for (int k = 0; k < m; k++) {
            for (CoverProblem.Input in : p.inputs[k]) {
                int last = in.readers().length == 0 ? k : in.readers()[in.readers().length - 1];
                neededUntil[in.producer()] = Math.max(neededUntil[in.producer()], last);
                for (int r : in.readers()) if (r < last) neededUntil[r] = Math.max(neededUntil[r], last);
            }
        }
        int[][] out = new int[m][];
        TreeSet<Integer> live = new TreeSet<>();
        for (int k = 0; k < m; k++) {
            live.add(k);
            final int at = k;
            live.removeIf(q -> neededUntil[q] <= at);
            if (live.size() > SLOTS) exact = false;
            int[] sl = new int[Math.min(SLOTS, live.size())];
            int i = 0;
            for (int q : live.descendingSet()) {
                if (i == sl.length) break;
                sl[i++] = q;
            }
            out[k] = sl;
        }
        return out;
    }
}
