package org.npustudio.npusim.energy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.npustudio.plan.Precision;

/**
 * Area parameters of an NPU (the {@code area:} section of an NPU file; defaults and sources in
 * docs/energy-area.md — 45 nm estimates): one PE per precision in µm², SRAM in mm² per KiB, one vector
 * lane in µm² (NaN: the PE's area).
 */
public record AreaTable(Map<Precision, Double> peUm2, double sramMm2PerKib, double vectorLaneUm2) {

    /** 45 nm: a 6T bitcell of about 0.35 µm² (Intel 45 nm) x 8192 bits, at an assumed 50 % array efficiency. */
    public static final double SRAM_MM2_PER_KIB = 0.346e-6 * 8192 / 0.5;

    /** Multiplier + adder areas of Horowitz' 45 nm table; int4 and int4w8a scaled like their energies. */
    public static Map<Precision, Double> defaultPeUm2() {
        Map<Precision, Double> m = new EnumMap<>(Precision.class);
        m.put(Precision.INT8, 282.0 + 36);
        m.put(Precision.INT4, 282.0 / 4 + 36);
        m.put(Precision.INT4_W8A, 282.0 / 2 + 36);
        m.put(Precision.FP16, 1640.0 + 1360);
        // weight-only int8/int4 and bf16 compute in a 16-bit float MAC: the fp16 figure (docs/energy-area.md)
        m.put(Precision.INT8_W16A, 1640.0 + 1360);
        m.put(Precision.INT4_W16A, 1640.0 + 1360);
        m.put(Precision.BF16, 1640.0 + 1360);
        m.put(Precision.FP32, 7700.0 + 4184);
        return m;
    }

    public static AreaTable defaults() { return new AreaTable(defaultPeUm2(), SRAM_MM2_PER_KIB, Double.NaN); }

    public double pe(Precision p) {
        Double v = peUm2.get(p);
        return v != null ? v : defaultPeUm2().get(p);
    }

    /** A PE must run every precision the NPU lists: its area is the largest of theirs. */
    public double peFor(List<Precision> precisions) {
        double a = 0;
        for (Precision p : precisions) a = Math.max(a, pe(p));
        return a;
    }

    /** The NPU's area estimate: PEs, SRAM buffers and vector lanes (registers, control and wiring not counted). */
    public Area of(long pes, List<Precision> precisions, long sramBytes, int vectorLanes) {
        double pe = peFor(precisions);
        double lane = Double.isNaN(vectorLaneUm2) ? pe : vectorLaneUm2;
        return new Area(pes * pe * 1e-6, sramBytes / 1024.0 * sramMm2PerKib, vectorLanes * lane * 1e-6);
    }

    /** Area by part, mm². */
    public record Area(double arrayMm2, double sramMm2, double vectorMm2) {
        public double totalMm2() { return arrayMm2 + sramMm2 + vectorMm2; }
    }
}
