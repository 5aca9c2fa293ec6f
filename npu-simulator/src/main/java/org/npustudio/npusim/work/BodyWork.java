package org.npustudio.npusim.work;

import java.util.List;

/**
 * A control-flow node (If, Loop, Scan) costed through its body: the body's nodes, in order, run
 * {@code trips} times on the node's device. {@code label} says which rule chose the body and the trip
 * count ("If: then-branch (condition constant)", "Loop: 10 trips (constant M)", …). The element arrays
 * carry one extra trailing slot after the node's own inputs and outputs: the body's own DRAM traffic,
 * which belongs to no outer value.
 */
public record BodyWork(String opType, String label, List<OpWork> body, long trips, long[] inputElements,
                       boolean[] constantInputs, long[] outputElements) implements OpWork {
    public BodyWork {
        body = List.copyOf(body);
        if (trips < 0) throw new IllegalArgumentException("negative trip count " + trips);
    }

    @Override
    public long macs() {
        long s = 0;
        for (OpWork w : body) s = Math.addExact(s, w.macs());
        return Math.multiplyExact(s, trips);
    }

    @Override
    public int windowRows() { return 0; }

    @Override
    public boolean equals(Object o) {
        return o instanceof BodyWork w && WorkEquality.same(this, w) && label.equals(w.label) && trips == w.trips && body.equals(w.body);
    }

    @Override
    public int hashCode() { return WorkEquality.hash(this) * 31 + body.hashCode(); }
}
