package org.npustudio.app.lesson;

/**
 * A hint: shown on request once unlocked. {@code afterFailures} = 0 means available from the start;
 * N means after N failed checks of the step. Every hint shown is recorded in the workspace.
 */
public record Hint(String text, int afterFailures) {}
