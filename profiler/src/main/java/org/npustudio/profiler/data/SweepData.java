package org.npustudio.profiler.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.npustudio.error.StudioException;
import org.npustudio.io.Csv;
import org.npustudio.npusim.sweep.Pareto;
import org.npustudio.npusim.sweep.SweepResults;
import org.npustudio.npusim.sweep.SweepRow;
import org.npustudio.npusim.sweep.SweepRunner;
import org.npustudio.npusim.sweep.SweepTable;

/**
 * A finished sweep as the Sweep view shows it (docs/sweeps.md, "In the IDE"): the rows of {@code results.csv},
 * the sweep file that made them (from {@code sweep.source}, or null when the folder has none), the objectives
 * a scatter can plot, and the front of any pair of them per model. Headless: the view only draws it.
 */
public record SweepData(Path dir, Path sweepFile, SweepResults results) {

    /** Objectives a scatter plots; {@code macs} and {@code uncosted} are counts of the model, not of the design. */
    public static final List<String> AXES = List.of("latency_us", "energy_uj", "area_mm2", "dram_bytes", "utilisation", "dw_utilisation");

    /** Reads {@code results.csv} (the file itself, or a folder holding it); a malformed file names file, line and problem. */
    public static SweepData read(Path fileOrDir) throws StudioException {
        Path file = Files.isDirectory(fileOrDir) ? fileOrDir.resolve(SweepResults.CSV) : fileOrDir;
        Path dir = file.toAbsolutePath().getParent();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StudioException(file.toString(), "file", "cannot read: " + e.getMessage());
        }
        List<Csv.Row> rows = Csv.read(text, Csv.FORMAT, file.toString());
        if (rows.isEmpty()) throw new StudioException(file.toString(), "line 1", "empty; a sweep's results.csv starts with its header");
        List<String> header = rows.get(0).cells();
        int status = header.indexOf("status");
        if (header.size() < 3 || !header.subList(0, 3).equals(List.of("id", "config", "model")) || status < 3) {
            throw new StudioException(file.toString(), "line 1", "not a sweep's results.csv: the header must start id, config, model and have status");
        }
        SweepTable table = new SweepTable(header.subList(3, status));
        if (!header.subList(0, table.header().size()).equals(table.header())) {
            throw new StudioException(file.toString(), "line 1", "the header's columns after status are not " + SweepRow.OBJECTIVES);
        }
        List<SweepRow> read = new ArrayList<>();
        for (Csv.Row r : rows.subList(1, rows.size())) {
            try {
                if (r.cells().size() < table.header().size()) throw new IllegalArgumentException(r.cells().size() + " cells where the header has " + header.size());
                read.add(table.row(r.cells().subList(0, table.header().size())));
            } catch (IllegalArgumentException e) { // NumberFormatException included
                throw new StudioException(file.toString(), "line " + r.line(), e.getMessage());
            }
        }
        return new SweepData(dir, source(dir), SweepResults.of(table, read));
    }

    private static Path source(Path dir) throws StudioException {
        Path f = dir.resolve(SweepRunner.SOURCE);
        if (!Files.isRegularFile(f)) return null;
        try {
            String s = Files.readString(f, StandardCharsets.UTF_8).trim();
            return s.isEmpty() ? null : Path.of(s);
        } catch (IOException e) {
            throw new StudioException(f.toString(), "file", "cannot read: " + e.getMessage());
        }
    }

    public List<SweepRow> rows() { return results.rows(); }

    public List<String> parameters() { return results.table().parameters(); }

    public List<String> models() { return List.copyOf(SweepResults.byModel(rows()).keySet()); }

    /** The rows that are invalid, in id order. */
    public List<SweepRow> invalid() { return rows().stream().filter(r -> !r.ok()).toList(); }

    /** An objective of a row by its column name (NaN for an invalid row or an empty cell). */
    public static double value(SweepRow r, String objective) {
        return switch (objective) {
            case "latency_us" -> r.latencyUs();
            case "energy_uj" -> r.energyUj();
            case "area_mm2" -> r.areaMm2();
            case "dram_bytes" -> r.dramBytes();
            case "utilisation" -> r.utilisation();
            case "dw_utilisation" -> r.dwUtilisation();
            case "macs" -> r.ok() ? r.macs() : Double.NaN;
            case "uncosted" -> r.ok() ? r.uncosted() : Double.NaN;
            default -> throw new IllegalArgumentException("no objective '" + objective + "'");
        };
    }

    /** Utilisation is better high; every other objective is better low. */
    public static boolean maximised(String objective) { return objective.endsWith("utilisation"); }

    /**
     * Per model, the rows on the front of objectives {@code x} and {@code y} (each minimised, or maximised when
     * {@link #maximised}), by the sweep's {@link Pareto}; invalid rows and rows without a value are never on it.
     */
    public boolean[] front(String x, String y) {
        List<SweepRow> rows = rows();
        boolean[] on = new boolean[rows.size()];
        for (Map.Entry<String, List<Integer>> m : SweepResults.byModel(rows).entrySet()) {
            List<Integer> group = m.getValue();
            double[][] pts = new double[group.size()][];
            for (int i = 0; i < pts.length; i++) {
                SweepRow r = rows.get(group.get(i));
                pts[i] = new double[] {signed(r, x), signed(r, y)};
            }
            boolean[] f = Pareto.front(pts);
            for (int i = 0; i < f.length; i++) on[group.get(i)] = f[i];
        }
        return on;
    }

    private static double signed(SweepRow r, String objective) {
        double v = r.ok() ? value(r, objective) : Double.NaN;
        return maximised(objective) ? -v : v;
    }

    /** A log axis when every value is positive and the largest is at least ten times the smallest. */
    public static boolean logScale(double min, double max) { return min > 0 && max / min >= 10; }

    /** "array=32, dataflow=ws" for a row. */
    public String describe(SweepRow r) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parameters().size(); i++) {
            if (i > 0) b.append(", ");
            b.append(parameters().get(i)).append('=').append(r.point().values().get(i));
        }
        return b.toString();
    }
}
