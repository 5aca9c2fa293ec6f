package org.npustudio.npusim.config;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.npustudio.npusim.energy.AreaTable;
import org.npustudio.npusim.energy.BufferEnergy;
import org.npustudio.npusim.energy.EnergyTable;
import org.npustudio.plan.Precision;
import org.npustudio.yaml.YamlException;
import org.npustudio.yaml.YamlNode;

/**
 * The optional {@code energy:} and {@code area:} sections of an NPU file (docs/npu-config.md). Every value
 * left out keeps its documented default (docs/energy-area.md); a negative value, an unknown precision or
 * an unknown buffer name is an error at its line.
 */
final class EnergyConfigReader {
    private static final Set<String> ENERGY_KEYS = Set.of("mac_pj", "register_pj_per_byte", "array_pj_per_byte", "sram_pj_per_byte",
            "dram_pj_per_byte", "host_link_pj_per_byte", "leakage_pj_per_cycle", "vector_op_pj");
    private static final Set<String> AREA_KEYS = Set.of("pe_um2", "sram_mm2_per_kib", "vector_lane_um2");

    private EnergyConfigReader() {}

    static EnergyTable energy(YamlNode doc, boolean unified, List<String> warnings) throws YamlException {
        EnergyTable d = EnergyTable.defaults();
        if (!doc.has("energy")) return d;
        YamlNode e = doc.require("energy");
        warnings.addAll(e.unknownKeys(ENERGY_KEYS));
        Map<Precision, Double> mac = new EnumMap<>(d.macPj());
        if (e.has("mac_pj")) mac.putAll(perPrecision(e.require("mac_pj")));
        BufferEnergy[] buffers = {d.ifmap(), d.filter(), d.ofmap()};
        if (e.has("sram_pj_per_byte")) buffers = sram(e.require("sram_pj_per_byte"), unified, d.ifmap());
        return new EnergyTable(Map.copyOf(mac), value(e, "register_pj_per_byte", d.registerPjPerByte()),
                value(e, "array_pj_per_byte", d.arrayPjPerByte()), buffers[0], buffers[1], buffers[2],
                value(e, "dram_pj_per_byte", d.dramPjPerByte()), value(e, "host_link_pj_per_byte", d.hostLinkPjPerByte()),
                value(e, "leakage_pj_per_cycle", Double.NaN), value(e, "vector_op_pj", Double.NaN));
    }

    static AreaTable area(YamlNode doc, List<String> warnings) throws YamlException {
        AreaTable d = AreaTable.defaults();
        if (!doc.has("area")) return d;
        YamlNode a = doc.require("area");
        warnings.addAll(a.unknownKeys(AREA_KEYS));
        Map<Precision, Double> pe = new EnumMap<>(d.peUm2());
        if (a.has("pe_um2")) pe.putAll(perPrecision(a.require("pe_um2")));
        return new AreaTable(Map.copyOf(pe), value(a, "sram_mm2_per_kib", d.sramMm2PerKib()), value(a, "vector_lane_um2", Double.NaN));
    }

    /**
     * One number for every buffer, or a mapping by buffer (ifmap/filter/ofmap for separate buffers,
     * activation/weight for a unified one), each a number or {read, write}.
     */
    private static BufferEnergy[] sram(YamlNode s, boolean unified, BufferEnergy dflt) throws YamlException {
        if (s.isScalar()) {
            double v = nonNegative(s);
            BufferEnergy b = new BufferEnergy(v, v);
            return new BufferEnergy[] {b, b, b};
        }
        BufferEnergy[] out = {dflt, dflt, dflt};
        Set<String> names = unified ? Set.of("activation", "weight") : Set.of("ifmap", "filter", "ofmap");
        for (Map.Entry<String, YamlNode> en : s.entries().entrySet()) {
            if (!names.contains(en.getKey())) {
                throw en.getValue().error("unknown buffer '" + en.getKey() + "'; this NPU's " + (unified ? "unified" : "separate")
                        + " buffers are " + String.join(", ", unified ? List.of("activation", "weight") : List.of("ifmap", "filter", "ofmap")));
            }
            BufferEnergy b = buffer(en.getValue(), dflt);
            switch (en.getKey()) {
                case "ifmap" -> out[0] = b;
                case "filter", "weight" -> out[1] = b;
                case "ofmap" -> out[2] = b;
                default -> { out[0] = b; out[2] = b; } // activation: the one buffer ifmap and ofmap share
            }
        }
        return out;
    }

    private static BufferEnergy buffer(YamlNode n, BufferEnergy dflt) throws YamlException {
        if (n.isScalar()) {
            double v = nonNegative(n);
            return new BufferEnergy(v, v);
        }
        List<String> unknown = n.unknownKeys(Set.of("read", "write"));
        if (!unknown.isEmpty()) throw n.error("a buffer's energy has only read and write (pJ per byte)");
        return new BufferEnergy(value(n, "read", dflt.readPjPerByte()), value(n, "write", dflt.writePjPerByte()));
    }

    private static Map<Precision, Double> perPrecision(YamlNode m) throws YamlException {
        Map<Precision, Double> out = new EnumMap<>(Precision.class);
        for (Map.Entry<String, YamlNode> en : m.entries().entrySet()) {
            Precision p = Precision.parse(en.getKey());
            if (p == null) throw en.getValue().error("unknown precision '" + en.getKey() + "'; use " + Precision.validKeys());
            out.put(p, nonNegative(en.getValue()));
        }
        return out;
    }

    private static double value(YamlNode parent, String key, double dflt) throws YamlException {
        return parent.has(key) ? nonNegative(parent.require(key)) : dflt;
    }

    private static double nonNegative(YamlNode n) throws YamlException {
        double v = n.doubleValue();
        if (v < 0) throw n.error("an energy or area must not be negative, got " + n.text());
        return v;
    }
}
