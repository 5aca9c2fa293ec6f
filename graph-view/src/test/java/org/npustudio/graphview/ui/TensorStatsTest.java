package org.npustudio.graphview.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.npustudio.ir.Tensor;

class TensorStatsTest {
    @Test
    void summarisesValuesAndBinsThem() {
        TensorStats s = TensorStats.of(Tensor.ofFloats("w", new long[] {2, 3}, new float[] {-1, 0, 1, 2, 3, Float.NaN}));
        assertEquals(5, s.count());
        assertEquals(1, s.nans());
        assertEquals(-1, s.min());
        assertEquals(3, s.max());
        assertEquals(1, s.mean(), 1e-12);
        assertEquals(Math.sqrt(2), s.std(), 1e-12);
        assertEquals(1, s.histogram()[0]);
        assertEquals(1, s.histogram()[TensorStats.BINS - 1], "the maximum falls in the last bin");
        long total = 0;
        for (long c : s.histogram()) total += c;
        assertEquals(5, total);
    }

    @Test
    void constantTensorHasZeroSpreadInOneBin() {
        TensorStats s = TensorStats.of(new double[] {4, 4, 4});
        assertEquals(0, s.std());
        assertEquals(3, s.histogram()[TensorStats.BINS / 2]);
    }
}
