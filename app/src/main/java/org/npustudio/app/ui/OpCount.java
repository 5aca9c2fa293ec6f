package org.npustudio.app.ui;

/** One row of the op histogram. */
public record OpCount(String op, int count, double share) {}
