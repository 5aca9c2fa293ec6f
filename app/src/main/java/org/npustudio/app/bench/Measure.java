package org.npustudio.app.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/** What every benchmark measures with: medians of warm runs and the used heap after a full GC. */
final class Measure {
    private Measure() {}

    interface Work {
        Object run() throws Exception;
    }

    /** Median wall time in milliseconds of {@code runs} runs after {@code warmup} unmeasured ones. */
    static double median(int warmup, int runs, Work w) throws Exception {
        for (int i = 0; i < warmup; i++) w.run();
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            w.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms[runs / 2];
    }

    static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
