package org.npustudio.passes;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of a pipeline run: one record per pass that ran, the input snapshot, and when a pass
 * failed, the failure; the snapshots stay available either way.
 */
public final class PipelineResult {
    private final Snapshot input;
    private final List<PassRecord> records;
    private final PassFailure failure;

    PipelineResult(Snapshot input, List<PassRecord> records, PassFailure failure) {
        this.input = input;
        this.records = List.copyOf(records);
        this.failure = failure;
    }

    /** The model before the first pass (null when snapshots were switched off). */
    public Snapshot input() { return input; }

    public List<PassRecord> records() { return records; }

    public boolean succeeded() { return failure == null; }

    /** Why the pipeline stopped early, or null. */
    public PassFailure failure() { return failure; }

    /** The input snapshot followed by one per pass that changed the graph. */
    public List<Snapshot> snapshots() {
        List<Snapshot> s = new ArrayList<>();
        if (input != null) s.add(input);
        for (PassRecord r : records) if (r.snapshot() != null) s.add(r.snapshot());
        return s;
    }

    /** The newest snapshot: after the failure, the state just before the failing pass. */
    public Snapshot lastGoodSnapshot() {
        List<Snapshot> s = snapshots();
        return s.isEmpty() ? null : s.get(s.size() - 1);
    }

    public long totalNanos() {
        long t = 0;
        for (PassRecord r : records) t += r.nanos();
        return t;
    }
}
