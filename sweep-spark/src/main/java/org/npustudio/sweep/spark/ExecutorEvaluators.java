package org.npustudio.sweep.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.npustudio.error.StudioException;
import org.npustudio.npusim.sweep.SweepEvaluator;
import org.npustudio.npusim.sweep.SweepSpec;
import org.npustudio.samples.SampleLibrary;

/**
 * One {@link SweepEvaluator} per sweep per executor JVM. The evaluator keeps each model's opened graph,
 * work graph and plan (the expensive part of a point), so every task an executor runs after its first one
 * prices points without rebuilding them; the evaluator is thread-safe, so an executor's task threads share it.
 */
final class ExecutorEvaluators {
    private static final Map<SweepSpec, SweepEvaluator> EVALUATORS = new ConcurrentHashMap<>();
    private static Path samplesDir;

    private ExecutorEvaluators() {}

    /**
     * This JVM's evaluator of {@code spec}. The driver asks first, so what a local run refuses (a CPU as the
     * base NPU, a buffer parameter the NPU lacks) fails before any task; on an executor a failure is that
     * node's environment (an NPU file it cannot read) and fails the task with the same message.
     */
    static SweepEvaluator of(SweepSpec spec) throws StudioException {
        SweepEvaluator e = EVALUATORS.get(spec);
        if (e != null) return e;
        synchronized (EVALUATORS) {
            e = EVALUATORS.get(spec);
            if (e == null) {
                e = new SweepEvaluator(spec, ExecutorEvaluators::sample, null);
                EVALUATORS.put(spec, e);
            }
            return e;
        }
    }

    /** Bundled samples are built where they are used, into a folder of this JVM: no file has to reach the executors. */
    private static Path sample(String name) throws StudioException {
        return SampleLibrary.ensure(name, samplesDir());
    }

    private static synchronized Path samplesDir() {
        if (samplesDir == null) {
            try {
                samplesDir = Files.createTempDirectory("npustudio-sweep-samples");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make a folder for the bundled sample models", e);
            }
        }
        return samplesDir;
    }
}
