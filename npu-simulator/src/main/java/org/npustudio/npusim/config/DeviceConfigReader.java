package org.npustudio.npusim.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.npustudio.error.StudioException;
import org.npustudio.npusim.Dataflow;
import org.npustudio.npusim.scalesim.ConfigReader;
import org.npustudio.npusim.scalesim.ScaleSimConfig;
import org.npustudio.plan.Precision;
import org.npustudio.yaml.SafeYaml;
import org.npustudio.yaml.YamlException;
import org.npustudio.yaml.YamlNode;

/**
 * Reads NPU and CPU descriptions (docs/npu-config.md) with positions in every error, and converts
 * SCALE-Sim configurations. Unknown keys are collected as warnings, never silently ignored.
 */
public final class DeviceConfigReader {
    private static final Set<String> NPU_KEYS = Set.of("version", "kind", "name", "clock_mhz", "array", "vector", "sram",
            "dram", "precisions", "default_precision", "supported_ops", "host_link", "description", "energy", "area");
    private static final Set<String> CPU_KEYS = Set.of("version", "kind", "name", "peak_gflops", "memory_gbps", "efficiency", "overhead_us",
            "power_w", "description");

    private final List<String> warnings = new ArrayList<>();

    public List<String> warnings() { return warnings; }

    /**
     * The device described by a SCALE-Sim {@code .cfg} or an NPU Studio YAML file; the reader's warnings are
     * added to {@code warnings}, each naming the file.
     */
    public static Device readAny(Path file, List<String> warnings) throws StudioException {
        if (file.getFileName().toString().toLowerCase().endsWith(".cfg")) return Device.of(fromScaleSim(ConfigReader.read(file)));
        DeviceConfigReader reader = new DeviceConfigReader();
        Device d = reader.read(file);
        for (String w : reader.warnings()) warnings.add(file + ": " + w);
        return d;
    }

    /** An NPU Studio YAML description: kind npu (the default) or kind cpu. */
    public Device read(Path file) throws YamlException {
        return read(SafeYaml.read(file));
    }

    public Device read(YamlNode doc) throws YamlException {
        if (doc.has("version") && doc.require("version").longValue() != 1) {
            throw doc.require("version").error("unsupported version " + doc.require("version").text() + "; this NPU Studio reads version 1");
        }
        String kind = doc.has("kind") ? doc.require("kind").text().trim().toLowerCase() : "npu";
        return switch (kind) {
            case "npu" -> Device.of(npu(doc));
            case "cpu" -> Device.of(cpu(doc));
            default -> throw doc.require("kind").error("unknown kind '" + kind + "'; use npu or cpu");
        };
    }

    public NpuConfig npu(YamlNode d) throws YamlException {
        warnings.addAll(d.unknownKeys(NPU_KEYS));
        String name = d.require("name").text();
        double clock = d.require("clock_mhz").positiveDouble();
        YamlNode array = d.require("array");
        warnings.addAll(array.unknownKeys(Set.of("rows", "cols", "dataflow")));
        int rows = (int) bounded(array.require("rows"), 1 << 16);
        int cols = (int) bounded(array.require("cols"), 1 << 16);
        YamlNode dfNode = array.require("dataflow");
        Dataflow df = Dataflow.parse(dfNode.text());
        if (df == null) throw dfNode.error("unknown dataflow '" + dfNode.text() + "'; use os, ws or is");
        int lanes = cols;
        Map<String, Double> opCycles = new LinkedHashMap<>();
        if (d.has("vector")) {
            YamlNode v = d.require("vector");
            warnings.addAll(v.unknownKeys(Set.of("lanes", "op_cycles")));
            if (v.has("lanes")) lanes = (int) bounded(v.require("lanes"), 1 << 20);
            if (v.has("op_cycles")) {
                for (Map.Entry<String, YamlNode> e : v.require("op_cycles").entries().entrySet()) {
                    opCycles.put(e.getKey(), e.getValue().positiveDouble());
                }
            }
        }
        SramConfig sram = sram(d.require("sram"));
        YamlNode dram = d.require("dram");
        warnings.addAll(dram.unknownKeys(Set.of("bandwidth_gbps", "latency_ns")));
        double dramBw = dram.require("bandwidth_gbps").positiveDouble() * 1e9;
        double dramLat = dram.has("latency_ns") ? nonNegative(dram.require("latency_ns")) * 1e-9 : 0;
        List<Precision> precisions = new ArrayList<>();
        if (d.has("precisions")) {
            for (YamlNode p : d.require("precisions").items()) precisions.add(precision(p));
        } else {
            precisions.add(Precision.INT8);
        }
        Precision dflt = d.has("default_precision") ? precision(d.require("default_precision")) : precisions.get(0);
        if (!precisions.contains(dflt)) throw d.require("default_precision").error("default precision " + dflt.key() + " is not among precisions");
        Set<String> ops = d.has("supported_ops") ? new LinkedHashSet<>(d.require("supported_ops").textList()) : Set.of();
        double linkBw = 16e9;
        double linkLat = 2e-6;
        if (d.has("host_link")) {
            YamlNode h = d.require("host_link");
            warnings.addAll(h.unknownKeys(Set.of("bandwidth_gbps", "latency_us")));
            linkBw = h.require("bandwidth_gbps").positiveDouble() * 1e9;
            if (h.has("latency_us")) linkLat = nonNegative(h.require("latency_us")) * 1e-6;
        }
        return new NpuConfig(name, clock, rows, cols, df, lanes, Map.copyOf(opCycles), sram, dramBw, dramLat,
                List.copyOf(precisions), dflt, Set.copyOf(ops), linkBw, linkLat, EnergyConfigReader.energy(d, sram.unified(), warnings),
                EnergyConfigReader.area(d, warnings));
    }

    private SramConfig sram(YamlNode s) throws YamlException {
        warnings.addAll(s.unknownKeys(Set.of("ifmap_kb", "filter_kb", "ofmap_kb", "activation_kb", "weight_kb")));
        boolean unified = s.has("activation_kb") || s.has("weight_kb");
        boolean separate = s.has("ifmap_kb") || s.has("filter_kb") || s.has("ofmap_kb");
        if (unified && separate) throw s.error("give either ifmap_kb/filter_kb/ofmap_kb (separate buffers) or activation_kb/weight_kb (unified), not both");
        if (unified) return SramConfig.unified(kib(s.require("activation_kb")), kib(s.require("weight_kb")));
        return SramConfig.separate(kib(s.require("ifmap_kb")), kib(s.require("filter_kb")), kib(s.require("ofmap_kb")));
    }

    public CpuConfig cpu(YamlNode d) throws YamlException {
        warnings.addAll(d.unknownKeys(CPU_KEYS));
        Map<String, Double> eff = new LinkedHashMap<>();
        if (d.has("efficiency")) {
            for (Map.Entry<String, YamlNode> e : d.require("efficiency").entries().entrySet()) {
                double v = e.getValue().positiveDouble();
                if (v > 1) throw e.getValue().error("efficiency is a fraction of peak and must be at most 1, got " + v);
                eff.put(e.getKey(), v);
            }
        }
        double overhead = 0;
        if (d.has("overhead_us")) {
            overhead = d.require("overhead_us").doubleValue();
            if (!(overhead >= 0) || Double.isInfinite(overhead)) throw d.require("overhead_us").error("overhead_us must be a number from 0, got " + overhead);
        }
        double power = d.has("power_w") ? d.require("power_w").positiveDouble() : CpuConfig.DEFAULT_POWER_WATTS;
        return new CpuConfig(d.require("name").text(), d.require("peak_gflops").positiveDouble() * 1e9,
                d.require("memory_gbps").positiveDouble() * 1e9, Map.copyOf(eff), overhead * 1e-6, power);
    }

    /**
     * A SCALE-Sim configuration as an NPU. SCALE-Sim has no clock; we assume 1 GHz so its bandwidth in
     * words (bytes) per cycle becomes GB/s. SCALE-Sim computes in 1-byte words: int8.
     */
    public static NpuConfig fromScaleSim(ScaleSimConfig c) {
        double clock = 1000;
        SramConfig sram = SramConfig.separate(c.ifmapSramKb() * 1024, c.filterSramKb() * 1024, c.ofmapSramKb() * 1024);
        return new NpuConfig(c.runName(), clock, c.arrayHeight(), c.arrayWidth(), c.dataflow(), c.arrayWidth(), Map.of(), sram,
                c.bandwidthWordsPerCycle() * clock * 1e6, 0, List.of(Precision.INT8), Precision.INT8, Set.of(), 16e9, 2e-6);
    }

    private static long kib(YamlNode n) throws YamlException {
        double v = n.positiveDouble();
        if (v > 1L << 30) throw n.error("implausibly large buffer: " + n.text() + " KiB");
        return Math.round(v * 1024);
    }

    private static long bounded(YamlNode n, long max) throws YamlException {
        long v = n.positiveLong();
        if (v > max) throw n.error("must be at most " + max + ", got " + v);
        return v;
    }

    private static double nonNegative(YamlNode n) throws YamlException {
        double v = n.doubleValue();
        if (v < 0) throw n.error("must not be negative, got " + n.text());
        return v;
    }

    private static Precision precision(YamlNode n) throws YamlException {
        Precision p = Precision.parse(n.text());
        if (p == null) throw n.error("unknown precision '" + n.text() + "'; use " + Precision.validKeys());
        return p;
    }
}
