package org.npustudio.npusim.config;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Writes a {@link CpuConfig} as the CPU description {@link DeviceConfigReader} reads (docs/npu-config.md). */
public final class CpuConfigYaml {
    private CpuConfigYaml() {}

    public static String write(CpuConfig c, String comment) {
        StringBuilder b = new StringBuilder();
        for (String line : comment.split("\n")) b.append("# ").append(line).append('\n');
        b.append("version: 1\nkind: cpu\n");
        b.append("name: ").append(quote(c.name())).append('\n');
        b.append(String.format(Locale.ROOT, "peak_gflops: %s%nmemory_gbps: %s%noverhead_us: %s%n", num(c.peakFlopsPerSecond() / 1e9),
                num(c.memoryBytesPerSecond() / 1e9), num(c.overheadSeconds() * 1e6)));
        b.append("efficiency:\n");
        for (Map.Entry<String, Double> e : new TreeMap<>(c.efficiency()).entrySet()) {
            b.append("  ").append(quote(e.getKey())).append(": ").append(num(e.getValue())).append('\n');
        }
        return b.toString();
    }

    private static String num(double v) { return String.format(Locale.ROOT, "%.6g", v); }

    /** YAML double-quoted scalar (names may hold ':' or '#'). */
    private static String quote(String s) { return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""; }
}
