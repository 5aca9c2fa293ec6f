package org.npustudio.passes;

import org.npustudio.ir.Model;

/**
 * The model as it was after one pipeline step (step 0 is the input). The model is a structural copy
 * ({@link ModelCopy}) that sharing weights with the other snapshots; treat it as read-only.
 */
public record Snapshot(int step, String afterPass, long fingerprint, Model model) {}
