package org.npustudio.npusim.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.npustudio.error.StudioException;

/**
 * Runs a sweep on this machine: a fixed set of worker threads take points in order and evaluate them; the
 * calling thread appends finished rows to the {@link SweepLog} in batches (one forced append each) and
 * reports progress. A resumed run skips the points the log already has. When a worker fails, no new point is
 * started, the rows already finished are still written, and the failure is thrown: what is lost is the
 * points in flight. At the end {@code results.csv} and {@code results.arrow} are written from the log (read
 * back, so a resumed run and an uninterrupted one write the same files).
 */
public final class SweepRunner {
    /** Progress after each batch: points done in this sweep (earlier runs included), total, points per second in this run, ETA. */
    @FunctionalInterface
    public interface Progress {
        void update(long done, long total, double pointsPerSecond, double etaSeconds);

        Progress NONE = (d, t, r, e) -> { };

        /** An ETA as m:ss or h:mm:ss, "?" when unknown (the CLI's line and the IDE's progress window say it alike). */
        static String eta(double seconds) {
            if (!Double.isFinite(seconds)) return "?";
            long s = Math.round(seconds);
            return s >= 3600 ? String.format(java.util.Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                    : String.format(java.util.Locale.ROOT, "%d:%02d", s / 60, s % 60);
        }
    }

    /** Called by a worker after each point is evaluated, before the row is written; a test's injected failure throws here. */
    @FunctionalInterface
    public interface AfterPoint {
        void accept(SweepRow row) throws Exception;

        AfterPoint NONE = r -> { };
    }

    public record Options(int threads, boolean resume, Progress progress, AfterPoint afterPoint) {
        public static Options defaults() { return new Options(Runtime.getRuntime().availableProcessors(), false, Progress.NONE, AfterPoint.NONE); }

        public Options withThreads(int n) { return new Options(n, resume, progress, afterPoint); }

        public Options withResume(boolean r) { return new Options(threads, r, progress, afterPoint); }

        public Options withProgress(Progress p) { return new Options(threads, resume, p, afterPoint); }

        public Options withAfterPoint(AfterPoint a) { return new Options(threads, resume, progress, a); }
    }

    /** The results, how many points this run evaluated and skipped, and its wall time. */
    public record Summary(SweepResults results, int evaluated, int skipped, double seconds) {
        public double pointsPerMinute() { return seconds > 0 ? evaluated / seconds * 60 : Double.NaN; }
    }

    private SweepRunner() {}

    public static Summary run(SweepEvaluator evaluator, List<SweepPoint> points, Path dir, Options o) throws StudioException {
        SweepSpec spec = evaluator.spec();
        SweepTable table = new SweepTable(spec);
        long start = System.nanoTime();
        List<SweepPoint> todo;
        int skipped;
        try (SweepLog log = SweepLog.open(dir, table, spec.text(), o.resume())) {
            Map<Long, SweepRow> done = log.done();
            Set<Long> ids = new HashSet<>();
            for (SweepPoint p : points) ids.add(p.id());
            for (Long id : done.keySet()) {
                if (!ids.contains(id)) throw new StudioException(log.file().toString(), "point " + id, "is not a point of " + spec.source());
            }
            todo = new ArrayList<>();
            for (SweepPoint p : points) if (!done.containsKey(p.id())) todo.add(p);
            skipped = points.size() - todo.size();
            if (!todo.isEmpty()) {
                evaluator.prepareAll();
                runPoints(evaluator, todo, log, o, skipped, points.size());
            }
        }
        SweepResults results = SweepResults.of(table, SweepLog.read(dir.resolve(SweepLog.LOG), table).values());
        if (results.rows().size() != points.size()) {
            throw new IllegalStateException(results.rows().size() + " rows in the log for " + points.size() + " points");
        }
        results.writeFiles(dir);
        writeSource(dir, spec);
        return new Summary(results, todo.size(), skipped, (System.nanoTime() - start) / 1e9);
    }

    /** Where the sweep file is, so that a viewer of DIR can rebuild a point's NPU from the base NPU; written beside results.csv. */
    public static final String SOURCE = "sweep.source";

    /** {@code sweep.source}: the sweep file a results folder came from (the IDE rebuilds a point's NPU from it). */
    public static void writeSource(Path dir, SweepSpec spec) throws StudioException {
        org.npustudio.io.AtomicFiles.writeString(dir.resolve(SOURCE), Path.of(spec.source()).toAbsolutePath().normalize() + "\n");
    }

    private static void runPoints(SweepEvaluator evaluator, List<SweepPoint> todo, SweepLog log, Options o, int skipped, int total)
            throws StudioException {
        long start = System.nanoTime(); // the rate and ETA count evaluation only, not opening the models
        LinkedBlockingQueue<SweepRow> finished = new LinkedBlockingQueue<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        int threads = Math.max(1, Math.min(o.threads(), todo.size()));
        List<Thread> workers = new ArrayList<>();
        running.set(threads);
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                try {
                    int i;
                    while (failure.get() == null && (i = next.getAndIncrement()) < todo.size()) {
                        SweepRow row = evaluator.evaluate(todo.get(i));
                        o.afterPoint().accept(row);
                        finished.add(row);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    running.decrementAndGet();
                }
            }, "sweep-" + t);
            w.setDaemon(true);
            workers.add(w);
            w.start();
        }
        long written = 0;
        long lastReport = 0;
        long reported = 0;
        List<SweepRow> batch = new ArrayList<>();
        try {
            while (true) {
                boolean stopped = running.get() == 0;
                SweepRow first = finished.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) batch.add(first);
                finished.drainTo(batch);
                log.append(batch);
                written += batch.size();
                batch.clear();
                long now = System.nanoTime();
                if (written > reported && (now - lastReport > 1_000_000_000L || written == todo.size())) {
                    lastReport = now;
                    reported = written;
                    double rate = written / ((now - start) / 1e9);
                    o.progress().update(skipped + written, total, rate, rate > 0 ? (todo.size() - written) / rate : Double.NaN);
                }
                if (stopped && finished.isEmpty()) break;
            }
        } catch (InterruptedException e) {
            failure.compareAndSet(null, e);
            Thread.currentThread().interrupt();
        }
        Throwable f = failure.get();
        if (f instanceof StudioException se) throw se;
        if (f != null) throw new StudioException(evaluator.spec().source(), "point", "the sweep stopped after " + (skipped + written)
                + " of " + total + " points: " + StudioException.describe(f), f);
    }
}
