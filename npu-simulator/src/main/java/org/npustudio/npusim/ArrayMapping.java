package org.npustudio.npusim;

/** A GEMM as the array sees it: Sr spatial rows, Sc spatial columns, T temporal steps. */
public record ArrayMapping(long sr, long sc, long t) {}
