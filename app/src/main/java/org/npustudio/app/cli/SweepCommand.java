package org.npustudio.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.npustudio.app.ModelFiles;
import org.npustudio.error.StudioException;
import org.npustudio.npusim.sweep.ArrowResults;
import org.npustudio.npusim.sweep.Parameter;
import org.npustudio.npusim.sweep.SweepEvaluator;
import org.npustudio.npusim.sweep.SweepLog;
import org.npustudio.npusim.sweep.SweepPoint;
import org.npustudio.npusim.sweep.SweepPoints;
import org.npustudio.npusim.sweep.SweepResults;
import org.npustudio.npusim.sweep.SweepRow;
import org.npustudio.npusim.sweep.SweepRunner;
import org.npustudio.npusim.sweep.SweepSpec;
import org.npustudio.npusim.sweep.SweepSpecReader;
import org.npustudio.npusim.sweep.SweepTable;
import org.npustudio.profiler.report.SweepReport;

/** {@code npustudio sweep SWEEP.yaml -o DIR [--threads N | --spark MASTER] [--resume]}: a design-space sweep (docs/sweeps.md). */
@Command(name = "sweep", description = "sweep NPU parameters over models: results.csv with Pareto fronts and an HTML report",
        footer = """
                Runs every point of the sweep file (docs/sweeps.md) on this machine and writes to DIR:
                  results.log   the finished points as they complete (appended and forced to disk per batch)
                  results.csv   one row per point in id order: parameters, status/reason, objectives, pareto
                  results.arrow the same table typed, as an Arrow IPC file (pandas.read_feather, pyarrow)
                  report.html   scatter plots of latency, energy and area per model with the fronts
                Progress and an ETA go to stderr. Invalid points are rows with status invalid and a reason.""")
final class SweepCommand extends StudioCommand {
    @Parameters(paramLabel = "SWEEP.yaml", description = "the sweep file (docs/sweeps.md)")
    Path file;

    @Option(names = "-o", paramLabel = "DIR", required = true, description = "where to write the results")
    Path dir;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: every core)")
    String threads;

    @Option(names = "--resume", description = "go on with DIR's earlier run of the same sweep file, skipping finished points")
    boolean resume;

    @Option(names = "--spark", paramLabel = "MASTER", description =
            "run the points as an Apache Spark job through spark-submit (local[*], spark://HOST:7077, yarn, "
            + "k8s://...): needs SPARK_HOME (or spark-submit on the PATH) and the sweep-spark job jar; the "
            + "same results.csv as a local run")
    String spark;

    @Override
    public int run() throws StudioException {
        if (spark != null) return spark(file, dir, ctx);
        int threads = threads(this.threads == null ? Integer.toString(Runtime.getRuntime().availableProcessors()) : this.threads);
        SweepSpec spec = SweepSpecReader.read(file);
        SweepEvaluator evaluator = new SweepEvaluator(spec, ModelFiles::sample, org.npustudio.npusim.optimise.SweepPlans.latency());
        List<SweepPoint> points = points(spec);
        ctx.err().printf("sweep %s: %,d points (%d models) on %d threads%n", file, points.size(), spec.models().size(), threads);
        SweepRunner.Summary s = SweepRunner.run(evaluator, points, dir, SweepRunner.Options.defaults().withThreads(threads)
                .withResume(resume).withProgress(progress(ctx.err())));
        SweepResults r = s.results();
        ctx.out().printf(Locale.ROOT, "%,d points (%,d evaluated, %,d from the earlier run) in %.1f s: %,.0f points/min%n", r.rows().size(),
                s.evaluated(), s.skipped(), s.seconds(), s.pointsPerMinute());
        return finish(spec, r, file, dir, ctx);
    }

    /** The report, a line on the invalid points, and where the files are: after a local run and after a Spark job alike. */
    private static int finish(SweepSpec spec, SweepResults r, Path file, Path dir, CliContext ctx) throws StudioException {
        Path report = SweepReport.write(dir, file.getFileName().toString(), r);
        long invalid = r.invalid();
        if (invalid > 0) {
            SweepRow first = r.rows().stream().filter(x -> !x.ok()).findFirst().orElseThrow();
            SweepSpec.Axis axis = culprit(spec, first.reason());
            ctx.err().printf("%s: line %d (parameters.%s): %,d of %,d points invalid; first, point %d (%s): %s; see status and reason in %s%n",
                    file, axis.line(), axis.parameter().key(), invalid, r.rows().size(), first.id(), values(spec, first), first.reason(),
                    dir.resolve(SweepResults.CSV));
        }
        ctx.out().println("wrote " + dir.resolve(SweepResults.CSV) + ", " + dir.resolve(ArrowResults.FILE) + " and " + report);
        return Cli.OK;
    }

    /** The parameter an invalid point's reason points at: a buffer size, the precision, or else the first parameter. */
    static SweepSpec.Axis culprit(SweepSpec spec, String reason) {
        for (SweepSpec.Axis a : spec.axes()) {
            Parameter.Kind k = a.parameter().kind();
            if (k == Parameter.Kind.SIZE && reason.contains("buffer") || k == Parameter.Kind.PRECISION && reason.contains("precision")) return a;
        }
        return spec.axes().get(0);
    }

    private static String values(SweepSpec spec, SweepRow row) {
        StringBuilder b = new StringBuilder(row.point().model());
        for (int i = 0; i < spec.axes().size(); i++) b.append(", ").append(spec.axes().get(i).parameter().key()).append('=').append(row.point().values().get(i));
        return b.toString();
    }

    /**
     * The same sweep as a Spark job (docs/sweeps.md, Spark): the file is read here first, so a bad one fails
     * with its line before Spark starts; spark-submit writes results.log and results.csv; the report is
     * written here from the log, as after a local run.
     */
    private int spark(Path file, Path dir, CliContext ctx) throws StudioException {
        if (threads != null) throw usage("--threads is for a local run; with --spark the cluster's executors set the parallelism");
        SweepSpec spec = SweepSpecReader.read(file);
        new SweepEvaluator(spec, ModelFiles::sample, null); // what a local run refuses up front, refused before Spark starts
        ctx.err().printf("sweep %s: %,d points (%d models) as a Spark job on %s%n", file, points(spec).size(), spec.models().size(), spark);
        int status = SparkSubmit.run(ctx.env(), spark, file, dir, resume);
        if (status != 0) throw new StudioException(file.toString(), "--spark", "the Spark job failed (spark-submit exit status " + status + "); see its output above");
        SweepTable table = new SweepTable(spec);
        SweepResults results = SweepResults.of(table, SweepLog.read(dir.resolve(SweepLog.LOG), table).values());
        results.writeFiles(dir); // the job writes results.csv; the Arrow file (same rows) is written here, as after a local run
        SweepRunner.writeSource(dir, spec); // the IDE rebuilds a clicked point's NPU from it
        return finish(spec, results, file, dir, ctx);
    }

    static List<SweepPoint> points(SweepSpec spec) throws StudioException {
        try {
            return SweepPoints.of(spec);
        } catch (IllegalArgumentException e) {
            throw new StudioException(spec.source(), "sampling", e.getMessage());
        }
    }

    private int threads(String text) throws UsageException {
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 1 && n <= 1024) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw usage("--threads takes a whole number from 1 to 1024, not '" + text + "'");
    }

    /** One updating line on a terminal, else a line every ten seconds. */
    private static SweepRunner.Progress progress(PrintStream err) {
        boolean terminal = System.console() != null;
        long[] last = {0};
        return (done, total, rate, eta) -> {
            long now = System.nanoTime();
            boolean end = done == total;
            if (!terminal && !end && now - last[0] < 10_000_000_000L) return;
            last[0] = now;
            String line = String.format(Locale.ROOT, "sweep: %,d / %,d points (%.1f %%), %,.0f points/s, ETA %s", done, total,
                    100.0 * done / total, rate, SweepRunner.Progress.eta(eta));
            if (terminal) err.print("\r" + line + (end ? "\n" : ""));
            else err.println(line);
            err.flush();
        };
    }
}
