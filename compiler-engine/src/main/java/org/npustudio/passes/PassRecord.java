package org.npustudio.passes;

import java.util.List;

/**
 * What one pipeline step did: the pass and its options, wall time, whether the graph changed
 * (by fingerprint), the snapshot taken when it did, notes from the pass and verifier problems, and
 * when the pass did not run because a requirement of its {@link PassContract} did not hold, why.
 */
public record PassRecord(int step, String pass, PassOptions options, long nanos, boolean changed,
                         long fingerprintBefore, long fingerprintAfter, Snapshot snapshot,
                         List<String> notes, List<String> verifierProblems, String skipped) {
    public double millis() { return nanos / 1e6; }

    public boolean wasSkipped() { return skipped != null; }
}
