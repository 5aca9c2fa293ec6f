package org.npustudio.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.opentest4j.AssertionFailedError;

/**
 * Reads CSV with Apache Commons CSV under its own RFC 4180 settings, not the product's, so a product
 * format that quoted wrongly would not read back: a header, then rows that must each have as many cells.
 */
public final class CsvOracle {
    private static final CSVFormat RFC_4180 = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).get();
    /** SCALE-Sim's reports: ", " between cells, a comma ending every line (so the last empty cell is dropped). */
    private static final CSVFormat SCALE_SIM = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).setTrailingDelimiter(true)
            .setHeader().setSkipHeaderRecord(true).setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).get();

    private CsvOracle() {}

    /** A table read: the header's column names and the rows. */
    public record Table(List<String> header, List<Map<String, String>> rows) {
        /** Cell {@code column} of row {@code row} (0 = the first row after the header). */
        public String get(int row, String column) {
            if (!header.contains(column)) throw new AssertionFailedError("no column '" + column + "' in " + header);
            return rows.get(row).get(column);
        }

        public List<String> column(String name) {
            if (!header.contains(name)) throw new AssertionFailedError("no column '" + name + "' in " + header);
            return rows.stream().map(r -> r.get(name)).toList();
        }
    }

    public static Table read(String text) {
        return parse(text, RFC_4180, "CSV");
    }

    public static Table scaleSim(Path report) {
        try {
            return parse(Files.readString(report), SCALE_SIM, report.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Table parse(String text, CSVFormat format, String what) {
        try (CSVParser p = CSVParser.parse(text, format)) {
            List<String> header = p.getHeaderNames();
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord r : p) {
                if (r.size() != header.size()) {
                    throw new AssertionFailedError(what + " row " + (rows.size() + 1) + " has " + r.size() + " cells, the header "
                            + header.size() + ": " + r.toList());
                }
                rows.add(r.toMap());
            }
            return new Table(header, rows);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new AssertionFailedError("not valid CSV (" + e.getMessage() + "): " + what, e);
        }
    }
}
