package org.npustudio.npusim;

/**
 * Compute side of one GEMM on the array. {@code cycles} matches SCALE-Sim's "Total Cycles";
 * mapping efficiency is the share of PEs holding work averaged over folds; utilisation is MACs per
 * PE-cycle (SCALE-Sim's "Overall Util"); compute utilisation is SCALE-Sim's "Compute Util".
 */
public record ComputeCost(GemmShape gemm, ArrayMapping mapping, long rowFolds, long colFolds, long cycles,
                          double mappingEfficiency, double utilisation, double computeUtilisation) {
    public long folds() { return rowFolds * colFolds; }
}
