package org.npustudio.npusim.scalesim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads SCALE-Sim topology CSVs: the convolution form
 * {@code Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,}
 * and the GEMM form {@code Layer, M, N, K,}. Trailing commas and blank lines are allowed, as in
 * SCALE-Sim's own files.
 */
public final class TopologyReader {
    private static final String[] CONV_FIELDS = {"IFMAP Height", "IFMAP Width", "Filter Height", "Filter Width", "Channels", "Num Filter", "Strides"};
    private static final String[] GEMM_FIELDS = {"M", "N", "K"};

    private TopologyReader() {}

    public static List<TopologyLayer> read(Path file) throws ScaleSimFormatException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScaleSimFormatException(file.toString(), 0, null, "cannot read: " + e.getMessage());
        }
        return parse(lines, file.toString());
    }

    public static List<TopologyLayer> parse(List<String> lines, String file) throws ScaleSimFormatException {
        int headerLine = 0;
        while (headerLine < lines.size() && lines.get(headerLine).isBlank()) headerLine++;
        if (headerLine == lines.size()) throw new ScaleSimFormatException(file, 1, null, "the topology file is empty");
        List<String> header = cells(lines.get(headerLine));
        boolean gemm = header.size() >= 4 && header.get(1).equalsIgnoreCase("M") && header.get(2).equalsIgnoreCase("N")
                && header.get(3).equalsIgnoreCase("K");
        String[] fields = gemm ? GEMM_FIELDS : CONV_FIELDS;
        if (!gemm && header.size() < 1 + CONV_FIELDS.length) {
            throw new ScaleSimFormatException(file, headerLine + 1, null, "header has " + header.size()
                    + " columns; expected 'Layer name' plus " + String.join(", ", CONV_FIELDS) + " (or Layer, M, N, K)");
        }
        List<TopologyLayer> layers = new ArrayList<>();
        for (int i = headerLine + 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            List<String> c = cells(lines.get(i));
            if (c.size() < 1 + fields.length) {
                throw new ScaleSimFormatException(file, i + 1, null, "expected " + (1 + fields.length) + " values, found " + c.size());
            }
            long[] v = new long[fields.length];
            for (int f = 0; f < fields.length; f++) v[f] = positive(c.get(f + 1), file, i + 1, fields[f]);
            String name = c.get(0).isEmpty() ? "layer" + layers.size() : c.get(0);
            if (gemm) {
                layers.add(TopologyLayer.gemm(name, v[0], v[1], v[2]));
            } else {
                if (v[2] > v[0] || v[3] > v[1]) {
                    throw new ScaleSimFormatException(file, i + 1, "Filter Height", "filter " + v[2] + "x" + v[3]
                            + " is larger than the ifmap " + v[0] + "x" + v[1] + " (SCALE-Sim does not pad)");
                }
                layers.add(TopologyLayer.conv(name, v[0], v[1], v[2], v[3], v[4], v[5], v[6]));
            }
        }
        if (layers.isEmpty()) throw new ScaleSimFormatException(file, headerLine + 2, null, "the topology lists no layers");
        return layers;
    }

    private static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        for (String s : line.split(",", -1)) out.add(s.trim());
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) out.remove(out.size() - 1);
        return out;
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
