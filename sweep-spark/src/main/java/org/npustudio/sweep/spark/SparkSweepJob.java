package org.npustudio.sweep.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.npustudio.error.StudioException;
import org.npustudio.npusim.sweep.SweepEvaluator;
import org.npustudio.npusim.sweep.SweepPoint;
import org.npustudio.npusim.sweep.SweepPoints;
import org.npustudio.npusim.sweep.SweepRow;
import org.npustudio.npusim.sweep.SweepSpec;

/**
 * A sweep as a Spark job: the driver draws the points (the same deterministic list as a local run), Spark
 * spreads them over its executors in id order, each executor prices its share with the same
 * {@link SweepEvaluator} a local run uses, and the rows come back to the driver sorted by point id.
 */
public final class SparkSweepJob {
    private SparkSweepJob() {}

    /** Evaluates every point of {@code spec} ({@link SweepPoints#of}); rows in id order. */
    public static List<SweepRow> run(JavaSparkContext jsc, SweepSpec spec, int slices) {
        return run(jsc, spec, SweepPoints.of(spec), slices);
    }

    /**
     * Evaluates {@code points} of {@code spec}; {@code slices} is the number of tasks (0: four per core Spark
     * offers, so one slow task does not leave the other cores idle at the end). Rows in id order.
     */
    public static List<SweepRow> run(JavaSparkContext jsc, SweepSpec spec, List<SweepPoint> points, int slices) {
        if (points.isEmpty()) return List.of();
        int n = slices > 0 ? slices : Math.max(1, 4 * jsc.defaultParallelism());
        n = (int) Math.min(n, points.size());
        Broadcast<SweepSpec> shared = jsc.broadcast(spec);
        List<SweepRow> rows = new ArrayList<>(jsc.parallelize(points, n)
                .mapPartitions((Iterator<SweepPoint> it) -> evaluate(shared.value(), it))
                .collect());
        rows.sort((a, b) -> Long.compare(a.id(), b.id()));
        return rows;
    }

    private static Iterator<SweepRow> evaluate(SweepSpec spec, Iterator<SweepPoint> points) throws StudioException {
        SweepEvaluator evaluator = ExecutorEvaluators.of(spec);
        List<SweepRow> out = new ArrayList<>();
        while (points.hasNext()) out.add(evaluator.evaluate(points.next()));
        return out.iterator();
    }
}
