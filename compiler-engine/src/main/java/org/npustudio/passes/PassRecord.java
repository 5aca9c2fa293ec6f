package org.npustudio.passes;

import java.util.List;

/**
 * What one pipeline step did: the pass and its options, wall time, whether the graph changed
 * (by fingerprint), the snapshot taken when it did, notes from the pass and verifier problems.
 */
public record PassRecord(int step, String pass, PassOptions options, long nanos, boolean changed,
                         long fingerprintBefore, long fingerprintAfter, Snapshot snapshot,
                         List<String> notes, List<String> verifierProblems) {
    public double millis() { return nanos / 1e6; }
}
