package org.npustudio.profiler.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast fixed-decimal writer must print exactly what the JDK's formatter prints, ties and signs included. */
class UnitsTest {
    private static void same(double v, int places) {
        assertEquals(String.format(Locale.ROOT, "%." + places + "f", v), Units.fixed(v, places), "value " + v + ", " + places + " places");
    }

    @Test
    void fixedMatchesTheFormatterOnEdgeCases() {
        double[] edge = {0, -0.0, 0.05, 0.15, 0.25, 1.005, 2.675, -0.04, -0.05, -1.25, 999.95, 9.995, 1e-9, -1e-9, 123456789.125,
            1e21, 1e-300, Double.MAX_VALUE, Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.5, 1.5, 2.5};
        for (double v : edge) for (int p = 0; p <= 3; p++) same(v, p);
    }

    @Test
    void fixedMatchesTheFormatterOnRandomValues() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 50_000; i++) {
            double v = (r.nextBoolean() ? -1 : 1) * Math.pow(10, r.nextDouble(-6, 12)) * r.nextDouble();
            if (i % 3 == 0) v = Math.round(v * 1000) / 1000.0 + 0.0005; // many near-ties
            same(v, r.nextInt(4));
        }
    }

    @Test
    void unitsReadAsBefore() {
        assertEquals("999 B", Units.bytes(999));
        assertEquals("1.3 MB", Units.bytes(1_250_001));
        assertEquals("2.00 GB", Units.bytes(2e9));
        assertEquals("1.23 M", Units.count(1_234_567));
        assertEquals("4.10 T", Units.count(4.096e12));
        assertEquals("4.20 ms", Metric.LATENCY.format(4200));
        assertEquals("12.5 µs", Metric.LATENCY.format(12.5));
        assertEquals("—", Metric.LATENCY.format(Double.NaN));
    }
}
