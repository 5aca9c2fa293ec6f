package org.npustudio.npusim.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ParetoTest {
    @Test
    void matchesBruteForceInTwoAndThreeDimensionsWithTiesAndInvalidPoints() {
        Random rnd = new Random(3);
        for (int trial = 0; trial < 400; trial++) {
            int d = 2 + trial % 2;
            int n = rnd.nextInt(60);
            int spread = 1 + rnd.nextInt(12); // small integer grids make ties and duplicates common
            double[][] pts = new double[n][d];
            for (double[] p : pts) {
                for (int k = 0; k < d; k++) p[k] = trial % 5 == 0 ? rnd.nextDouble() : rnd.nextInt(spread);
                if (rnd.nextInt(15) == 0) p[rnd.nextInt(d)] = Double.NaN;
            }
            assertArrayEquals(Pareto.bruteForce(pts), Pareto.front(pts), "trial " + trial);
        }
    }

    @Test
    void knownFront() {
        double[][] pts = {{1, 5}, {2, 2}, {5, 1}, {3, 3}, {2, 2}, {6, 6}};
        boolean[] f = Pareto.front(pts);
        assertArrayEquals(new boolean[] {true, true, true, false, true, false}, f);
        assertEquals(0, Pareto.front(new double[0][]).length);
    }
}
