package org.npustudio.npusim.scalesim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.npustudio.error.StudioException;
import org.npustudio.io.Csv;

/**
 * Reads SCALE-Sim topology CSVs: the convolution form
 * {@code Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,}
 * and the GEMM form {@code Layer, M, N, K,}. Spaces after commas, trailing commas and blank lines are
 * allowed, as in SCALE-Sim's own files; a name with a comma may be quoted (RFC 4180).
 */
public final class TopologyReader {
    private static final String[] CONV_FIELDS = {"IFMAP Height", "IFMAP Width", "Filter Height", "Filter Width", "Channels", "Num Filter", "Strides"};
    private static final String[] GEMM_FIELDS = {"M", "N", "K"};
    /** SCALE-Sim writes ", " between cells; only truly empty lines are skipped by the parser, blank ones below. */
    private static final CSVFormat FORMAT = Csv.FORMAT.builder().setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();

    private TopologyReader() {}

    public static List<TopologyLayer> read(Path file) throws StudioException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScaleSimFormatException(file.toString(), 0, null, "cannot read: " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    public static List<TopologyLayer> parse(String text, String file) throws StudioException {
        List<Csv.Row> rows = new ArrayList<>();
        for (Csv.Row r : Csv.read(text, FORMAT, file)) {
            List<String> cells = withoutTrailingEmpty(r.cells());
            if (!cells.isEmpty()) rows.add(new Csv.Row(r.line(), cells));
        }
        if (rows.isEmpty()) throw new ScaleSimFormatException(file, 1, null, "the topology file is empty");
        Csv.Row headerRow = rows.get(0);
        List<String> header = headerRow.cells();
        boolean gemm = header.size() >= 4 && header.get(1).equalsIgnoreCase("M") && header.get(2).equalsIgnoreCase("N")
                && header.get(3).equalsIgnoreCase("K");
        String[] fields = gemm ? GEMM_FIELDS : CONV_FIELDS;
        if (!gemm && header.size() < 1 + CONV_FIELDS.length) {
            throw new ScaleSimFormatException(file, headerRow.line(), null, "header has " + header.size()
                    + " columns; expected 'Layer name' plus " + String.join(", ", CONV_FIELDS) + " (or Layer, M, N, K)");
        }
        List<TopologyLayer> layers = new ArrayList<>();
        for (Csv.Row row : rows.subList(1, rows.size())) {
            List<String> c = row.cells();
            int line = row.line();
            if (c.size() < 1 + fields.length) {
                throw new ScaleSimFormatException(file, line, null, "expected " + (1 + fields.length) + " values, found " + c.size());
            }
            long[] v = new long[fields.length];
            for (int f = 0; f < fields.length; f++) v[f] = positive(c.get(f + 1), file, line, fields[f]);
            String name = c.get(0).isEmpty() ? "layer" + layers.size() : c.get(0);
            if (gemm) {
                layers.add(TopologyLayer.gemm(name, v[0], v[1], v[2]));
            } else {
                if (v[2] > v[0] || v[3] > v[1]) {
                    throw new ScaleSimFormatException(file, line, "Filter Height", "filter " + v[2] + "x" + v[3]
                            + " is larger than the ifmap " + v[0] + "x" + v[1] + " (SCALE-Sim does not pad)");
                }
                layers.add(TopologyLayer.conv(name, v[0], v[1], v[2], v[3], v[4], v[5], v[6]));
            }
        }
        if (layers.isEmpty()) throw new ScaleSimFormatException(file, headerRow.line() + 1, null, "the topology lists no layers");
        return layers;
    }

    /** SCALE-Sim ends every line with a comma, which leaves an empty last cell (or several). */
    private static List<String> withoutTrailingEmpty(List<String> cells) {
        int n = cells.size();
        while (n > 0 && cells.get(n - 1).isEmpty()) n--;
        return cells.subList(0, n);
    }

    private static long positive(String text, String file, int line, String field) throws ScaleSimFormatException {
        long v;
        try {
            v = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new ScaleSimFormatException(file, line, field, "'" + text + "' is not a whole number");
        }
        if (v <= 0) throw new ScaleSimFormatException(file, line, field, "must be positive, got " + v);
        if (v > 1_000_000_000L) throw new ScaleSimFormatException(file, line, field, v + " is implausibly large");
        return v;
    }
}
