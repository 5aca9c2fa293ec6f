package org.npustudio.npusim.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.error.StudioException;
import org.npustudio.io.AtomicFiles;
import org.npustudio.io.Csv;

/**
 * A finished sweep's rows in id order with their Pareto verdicts, and {@code DIR/results.csv}: one row per
 * point, the log's columns plus {@code pareto} — true when the point is on its model's front of latency,
 * energy and area — and one column per pair of those ({@code pairs[k]} for {@link SweepRow#PAIRS}[k]). The
 * rows of different models are different workloads and never compared.
 */
public record SweepResults(SweepTable table, List<SweepRow> rows, boolean[] pareto, boolean[][] pairs) {
    public static final String CSV = "results.csv";

    /** Rows in id order with the fronts of {@link SweepRow#FRONT} and of its pairs computed per model. */
    public static SweepResults of(SweepTable table, Iterable<SweepRow> rows) {
        List<SweepRow> sorted = new ArrayList<>();
        rows.forEach(sorted::add);
        sorted.sort(Comparator.comparingLong(SweepRow::id));
        Map<String, List<Integer>> models = byModel(sorted);
        boolean[] all = front(sorted, models, new int[] {0, 1, 2});
        boolean[][] pairs = new boolean[SweepRow.PAIRS.length][];
        for (int k = 0; k < pairs.length; k++) pairs[k] = front(sorted, models, SweepRow.PAIRS[k]);
        return new SweepResults(table, List.copyOf(sorted), all, pairs);
    }

    /** Per model, the front of the given {@link SweepRow#front} objectives; invalid rows are never on it. */
    private static boolean[] front(List<SweepRow> rows, Map<String, List<Integer>> models, int[] objectives) {
        boolean[] on = new boolean[rows.size()];
        for (List<Integer> group : models.values()) {
            double[][] pts = new double[group.size()][objectives.length];
            for (int i = 0; i < pts.length; i++) {
                SweepRow r = rows.get(group.get(i));
                for (int k = 0; k < objectives.length; k++) pts[i][k] = r.ok() ? r.front(objectives[k]) : Double.NaN;
            }
            boolean[] f = Pareto.front(pts);
            for (int i = 0; i < f.length; i++) on[group.get(i)] = f[i];
        }
        return on;
    }

    /** Row indices per model, models in order of first appearance. */
    public static Map<String, List<Integer>> byModel(List<SweepRow> rows) {
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) out.computeIfAbsent(rows.get(i).point().model(), k -> new ArrayList<>()).add(i);
        return out;
    }

    public String csv() {
        return Csv.write(Csv.FORMAT, out -> {
            out.printRecord(table.resultHeader());
            for (int i = 0; i < rows.size(); i++) {
                List<String> cells = table.cells(rows.get(i));
                cells.add(Boolean.toString(pareto[i]));
                for (boolean[] pair : pairs) cells.add(Boolean.toString(pair[i]));
                out.printRecord(cells);
            }
        });
    }

    /** Writes {@code dir/results.csv} and {@code dir/results.arrow} (the same table, typed; {@link ArrowResults}), each atomically; returns the CSV. */
    public Path writeFiles(Path dir) throws StudioException {
        Path csv = writeCsv(dir);
        ArrowResults.write(dir, this);
        return csv;
    }

    /** Writes {@code dir/results.csv} atomically. */
    public Path writeCsv(Path dir) throws StudioException {
        Path f = dir.resolve(CSV);
        AtomicFiles.writeString(f, csv());
        return f;
    }

    public long invalid() { return rows.stream().filter(r -> !r.ok()).count(); }
}
