package org.npustudio.npusim;

/**
 * Compute-cycle model of a rows x cols systolic array, exact to SCALE-Sim v2's "Total Cycles".
 * <p>The operand is cut into folds of at most rows x cols PEs (ceil(Sr/rows) * ceil(Sc/cols)); each fold
 * streams T steps through the array with a fill/drain skew of rows + cols - 2. Weight- and
 * input-stationary dataflows first preload the stationary operand, which takes another {@code rows}
 * cycles per fold. SCALE-Sim reports the index of the last compute cycle, one less than the count.
 * Checked on all 21 ResNet-18 layers in both OS and WS against SCALE-Sim's own reports.
 */
public record SystolicArray(int rows, int cols, Dataflow dataflow) {
    public SystolicArray {
        if (rows <= 0 || cols <= 0) throw new IllegalArgumentException("array size must be positive: " + rows + "x" + cols);
        if (dataflow == null) throw new IllegalArgumentException("dataflow missing");
    }

    public long pes() { return (long) rows * cols; }

    public ComputeCost compute(GemmShape gemm) {
        ArrayMapping m = dataflow.map(gemm);
        long rowFolds = ceilDiv(m.sr(), rows);
        long colFolds = ceilDiv(m.sc(), cols);
        long folds = rowFolds * colFolds;
        long preload = dataflow == Dataflow.OS ? 0 : rows;
        long perFold = preload + m.t() + rows + cols - 2;
        long cycles = folds * perFold - 1;
        double mappingEfficiency = (double) m.sr() * m.sc() / ((double) folds * pes());
        double utilisation = (double) gemm.macs() / ((double) cycles * pes());
        // SCALE-Sim's "Compute Util" averages per-fold utilisation over fold lengths that also count the
        // last column's drain (another cols - 1 cycles for the stationary dataflows).
        long utilFold = dataflow == Dataflow.OS ? perFold : perFold + cols - 1;
        double computeUtil = (double) gemm.macs() / ((double) folds * utilFold * pes());
        return new ComputeCost(gemm, m, rowFolds, colFolds, cycles, mappingEfficiency, utilisation, computeUtil);
    }

    static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
