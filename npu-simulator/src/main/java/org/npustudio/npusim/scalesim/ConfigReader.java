package org.npustudio.npusim.scalesim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.npusim.Dataflow;

/** Reads SCALE-Sim's INI-style {@code .cfg} files ({@code key: value} or {@code key = value} under sections). */
public final class ConfigReader {
    private ConfigReader() {}

    private record Entry(String value, int line) {}

    public static ScaleSimConfig read(Path file) throws ScaleSimFormatException {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new ScaleSimFormatException(file.toString(), 0, null, "cannot read: " + e.getMessage());
        }
    }

    public static ScaleSimConfig parse(List<String> lines, String file) throws ScaleSimFormatException {
        Map<String, Entry> kv = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) continue;
            if (line.startsWith("[")) {
                if (!line.endsWith("]")) throw new ScaleSimFormatException(file, i + 1, null, "unterminated section header");
                continue;
            }
            int sep = firstSeparator(line);
            if (sep < 0) throw new ScaleSimFormatException(file, i + 1, null, "expected 'key: value' or 'key = value'");
            kv.put(line.substring(0, sep).trim().toLowerCase(), new Entry(line.substring(sep + 1).trim(), i + 1));
        }
        String run = kv.containsKey("run_name") ? kv.get("run_name").value() : "scalesim";
        int h = (int) number(kv, "ArrayHeight", file);
        int w = (int) number(kv, "ArrayWidth", file);
        long ifmap = number(kv, "IfmapSramSzkB", file);
        long filter = number(kv, "FilterSramSzkB", file);
        long ofmap = number(kv, "OfmapSramSzkB", file);
        Entry df = require(kv, "Dataflow", file);
        Dataflow dataflow = Dataflow.parse(df.value());
        if (dataflow == null) throw new ScaleSimFormatException(file, df.line(), "Dataflow", "unknown dataflow '" + df.value() + "'; use os, ws or is");
        double bw = kv.containsKey("bandwidth") ? number(kv, "Bandwidth", file) : 10;
        int banks = kv.containsKey("memorybanks") ? (int) number(kv, "MemoryBanks", file) : 1;
        String mode = kv.containsKey("interfacebandwidth") ? kv.get("interfacebandwidth").value().toUpperCase() : "CALC";
        return new ScaleSimConfig(run, h, w, ifmap, filter, ofmap, dataflow, bw, banks, mode);
    }

    private static int firstSeparator(String line) {
        int c = line.indexOf(':');
        int e = line.indexOf('=');
        if (c < 0) return e;
        if (e < 0) return c;
        return Math.min(c, e);
    }

    private static Entry require(Map<String, Entry> kv, String key, String file) throws ScaleSimFormatException {
        Entry e = kv.get(key.toLowerCase());
        if (e == null) throw new ScaleSimFormatException(file, 0, key, "missing required key '" + key + "'");
        return e;
    }

    private static long number(Map<String, Entry> kv, String key, String file) throws ScaleSimFormatException {
        Entry e = require(kv, key, file);
        long v;
        try {
            v = Long.parseLong(e.value());
        } catch (NumberFormatException ex) {
            throw new ScaleSimFormatException(file, e.line(), key, "'" + e.value() + "' is not a whole number");
        }
        if (v <= 0) throw new ScaleSimFormatException(file, e.line(), key, "must be positive, got " + v);
        return v;
    }
}
