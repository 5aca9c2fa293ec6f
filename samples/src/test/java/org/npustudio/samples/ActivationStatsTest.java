package org.npustudio.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ActivationStatsTest {
    @Test
    void erfMatchesTabulatedValues() {
        assertEquals(0.0, ActivationStats.erf(0), 1e-9);
        assertEquals(0.8427007929, ActivationStats.erf(1), 2e-7);
        assertEquals(-0.9953222650, ActivationStats.erf(-2), 2e-7);
    }

    @Test
    void reluOfAStandardNormalHasTheRectifiedNormalMoments() {
        ActivationStats r = ActivationStats.unit(1).relu();
        assertEquals(1 / Math.sqrt(2 * Math.PI), r.mean()[0], 1e-6);
        assertEquals(0.5 - 1 / (2 * Math.PI), r.var()[0], 1e-6);
    }

    @Test
    void convSumsWeightedMeansAndSquaredWeightedVariances() {
        ActivationStats in = new ActivationStats(new double[] {1, 2}, new double[] {3, 4});
        // Two output channels over both inputs, 1x1 kernel: weights [[1, -1], [2, 0.5]].
        ActivationStats dense = ActivationStats.conv(in, new float[] {1, -1, 2, 0.5f}, 2, 1);
        assertArrayEquals(new double[] {-1, 3}, dense.mean(), 1e-12);
        assertArrayEquals(new double[] {7, 13}, dense.var(), 1e-12);
        // Depthwise: each output channel sees only its own input channel.
        ActivationStats dw = ActivationStats.conv(in, new float[] {2, 3}, 2, 2);
        assertArrayEquals(new double[] {2, 6}, dw.mean(), 1e-12);
        assertArrayEquals(new double[] {12, 36}, dw.var(), 1e-12);
    }
}
