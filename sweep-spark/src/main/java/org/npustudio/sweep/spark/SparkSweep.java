package org.npustudio.sweep.spark;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.npustudio.error.StudioException;
import org.npustudio.npusim.sweep.SweepLog;
import org.npustudio.npusim.sweep.SweepPoint;
import org.npustudio.npusim.sweep.SweepPoints;
import org.npustudio.npusim.sweep.SweepResults;
import org.npustudio.npusim.sweep.SweepRow;
import org.npustudio.npusim.sweep.SweepSpec;
import org.npustudio.npusim.sweep.SweepSpecReader;
import org.npustudio.npusim.sweep.SweepTable;

/**
 * The main class {@code spark-submit} runs (docs/sweeps.md, "Spark"):
 * {@code spark-submit --class org.npustudio.sweep.spark.SparkSweep sweep-spark-VERSION-job.jar SWEEP.yaml -o DIR}.
 * {@code --master} here is for running without spark-submit (tests, a plain {@code java} with Spark on the
 * class path); under spark-submit its own {@code --master} decides.
 */
public final class SparkSweep {
    static final String USAGE = "usage: SparkSweep SWEEP.yaml -o DIR [--master MASTER] [--partitions N] [--resume]";

    private SparkSweep() {}

    /** What the command line asks for. */
    record Args(Path sweep, Path out, String master, int partitions, boolean resume) {
        static Args parse(String[] args) {
            Path sweep = null;
            Path out = null;
            String master = null;
            int partitions = 0;
            boolean resume = false;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "-o", "--out" -> out = Path.of(value(args, ++i, a));
                    case "--master" -> master = value(args, ++i, a);
                    case "--partitions" -> partitions = positive(value(args, ++i, a), a);
                    case "--resume" -> resume = true;
                    default -> {
                        if (a.startsWith("-") || sweep != null) throw new IllegalArgumentException("unexpected argument '" + a + "'; " + USAGE);
                        sweep = Path.of(a);
                    }
                }
            }
            if (sweep == null || out == null) throw new IllegalArgumentException(USAGE);
            return new Args(sweep, out, master, partitions, resume);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) throw new IllegalArgumentException(option + " needs a value; " + USAGE);
            return args[i];
        }

        private static int positive(String v, String option) {
            try {
                int n = Integer.parseInt(v);
                if (n > 0) return n;
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(option + " takes a positive whole number, not '" + v + "'");
        }
    }

    public static void main(String[] argv) {
        Args args;
        try {
            args = Args.parse(argv);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        SparkSession spark = sessionBuilder(args.master()).getOrCreate();
        int status;
        try {
            status = run(spark, args);
        } finally {
            spark.stop();
        }
        System.exit(status);
    }

    /**
     * Runs the sweep on {@code spark} into {@code DIR} the way a local run does: the rows go through the same
     * results log ({@code results.log}, here in id order), and {@code results.csv} is written from the log read
     * back, so the two runs write the same {@code results.csv} and a local {@code --resume} can take over the
     * folder (and this job can resume a local run's). Returns the process status.
     */
    static int run(SparkSession spark, Args args) {
        try {
            SweepSpec spec = SweepSpecReader.read(args.sweep());
            ExecutorEvaluators.of(spec); // refuses on the driver, before any task, what a local run refuses
            SweepTable table = new SweepTable(spec);
            List<SweepPoint> points = SweepPoints.of(spec);
            long start = System.nanoTime();
            int evaluated;
            try (SweepLog log = SweepLog.open(args.out(), table, spec.text(), args.resume())) {
                Set<Long> done = log.done().keySet();
                List<SweepPoint> todo = points.stream().filter(p -> !done.contains(p.id())).toList();
                List<SweepRow> rows = SparkSweepJob.run(JavaSparkContext.fromSparkContext(spark.sparkContext()), spec, todo, args.partitions());
                log.append(rows);
                evaluated = rows.size();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            SweepResults results = SweepResults.of(table, SweepLog.read(args.out().resolve(SweepLog.LOG), table).values());
            Path csv = results.writeCsv(args.out());
            System.out.printf(Locale.ROOT, "%d points evaluated (%d skipped, %d invalid in all) in %.1f s on %s: %.0f points/min -> %s%n",
                    evaluated, points.size() - evaluated, results.invalid(), seconds, spark.sparkContext().master(),
                    evaluated / seconds * 60, csv);
            return 0;
        } catch (StudioException e) {
            System.err.println("error: " + e.oneLine());
            return 1;
        }
    }

    static SparkSession.Builder sessionBuilder(String master) {
        SparkSession.Builder b = SparkSession.builder().appName("npustudio sweep");
        return master == null ? b : b.master(master);
    }
}
