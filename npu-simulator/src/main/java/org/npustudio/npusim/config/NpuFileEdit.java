package org.npustudio.npusim.config;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.npustudio.error.StudioException;
import org.npustudio.io.AtomicFiles;
import org.npustudio.yaml.SafeYaml;
import org.npustudio.yaml.YamlException;
import org.npustudio.yaml.YamlNode;

/**
 * Writes what the profiler's NPU editor changes (clock, array, dataflow, SRAM sizes, DRAM bandwidth, default
 * precision) back into an NPU description, replacing only those values in the file's text: comments, key order,
 * flow or block style and every other key stay as the author wrote them. The result is read back and compared
 * with the edit before it is written, so a file is never saved that means something other than what was shown.
 */
public final class NpuFileEdit {
    private NpuFileEdit() {}

    private record Replacement(int start, int end, String text) {}

    /** Saves {@code edited}'s editable fields into {@code file} (an NPU description), atomically. */
    public static void save(Path file, NpuConfig edited) throws StudioException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new StudioException(file.toString(), "", "cannot read: " + AtomicFiles.describe(e));
        }
        AtomicFiles.writeString(file, apply(text, file.toString(), edited));
    }

    /** The text of an NPU description with {@code edited}'s editable fields put in. */
    public static String apply(String text, String source, NpuConfig edited) throws YamlException {
        YamlNode doc = SafeYaml.parse(text, source);
        NpuConfig before = npu(doc);
        if (before.sram().unified() != edited.sram().unified()) {
            throw doc.require("sram").error("the edited NPU has " + kind(edited.sram()) + " SRAM, the file " + kind(before.sram()));
        }
        List<Replacement> edits = new ArrayList<>();
        replace(edits, doc.require("clock_mhz"), number(edited.clockMhz()));
        YamlNode array = doc.require("array");
        replace(edits, array.require("rows"), Integer.toString(edited.rows()));
        replace(edits, array.require("cols"), Integer.toString(edited.cols()));
        replace(edits, array.require("dataflow"), edited.dataflow().name().toLowerCase(java.util.Locale.ROOT));
        YamlNode sram = doc.require("sram");
        SramConfig s = edited.sram();
        if (s.unified()) {
            replace(edits, sram.require("activation_kb"), kib(s.activationBytes()));
            replace(edits, sram.require("weight_kb"), kib(s.filterBytes()));
        } else {
            replace(edits, sram.require("ifmap_kb"), kib(s.ifmapBytes()));
            replace(edits, sram.require("filter_kb"), kib(s.filterBytes()));
            replace(edits, sram.require("ofmap_kb"), kib(s.ofmapBytes()));
        }
        replace(edits, doc.require("dram").require("bandwidth_gbps"), number(edited.dramBytesPerSecond() / 1e9));
        String out = applyAll(text, edits);
        if (doc.has("default_precision")) {
            out = applyAll(out, List.of(at(doc.require("default_precision"), edited.defaultPrecision().key())));
        } else if (edited.defaultPrecision() != before.defaultPrecision()) {
            out = out + (out.endsWith("\n") ? "" : "\n") + "default_precision: " + edited.defaultPrecision().key() + "\n";
        }
        NpuConfig after = npu(SafeYaml.parse(out, source));
        if (!sameEditableFields(after, edited)) {
            throw doc.error("the edited NPU cannot be written into this file faithfully; nothing was saved");
        }
        return out;
    }

    private static NpuConfig npu(YamlNode doc) throws YamlException {
        Device d = new DeviceConfigReader().read(doc);
        if (d.npu() == null) throw doc.error("this is a CPU description; only an NPU description takes the NPU editor's values");
        return d.npu();
    }

    static boolean sameEditableFields(NpuConfig a, NpuConfig b) {
        return Math.abs(a.clockMhz() - b.clockMhz()) < 1e-9 && a.rows() == b.rows() && a.cols() == b.cols()
                && a.dataflow() == b.dataflow() && a.sram().equals(b.sram())
                && Math.abs(a.dramBytesPerSecond() - b.dramBytesPerSecond()) <= 1e-9 * b.dramBytesPerSecond()
                && a.defaultPrecision() == b.defaultPrecision();
    }

    private static void replace(List<Replacement> edits, YamlNode value, String text) throws YamlException {
        if (!value.isScalar()) throw value.error("expected a single value");
        edits.add(at(value, text));
    }

    private static Replacement at(YamlNode value, String text) {
        return new Replacement(value.startCodePoint(), value.endCodePoint(), text);
    }

    /** Applies non-overlapping replacements given in code points, from the last to the first. */
    private static String applyAll(String text, List<Replacement> edits) {
        StringBuilder b = new StringBuilder(text);
        List<Replacement> order = new ArrayList<>(edits);
        order.sort(Comparator.comparingInt(Replacement::start).reversed());
        for (Replacement r : order) {
            b.replace(text.offsetByCodePoints(0, r.start()), text.offsetByCodePoints(0, r.end()), r.text());
        }
        return b.toString();
    }

    private static String kib(long bytes) { return number(bytes / 1024.0); }

    private static String number(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String kind(SramConfig s) { return s.unified() ? "a unified activation buffer" : "separate ifmap/filter/ofmap buffers"; }
}
