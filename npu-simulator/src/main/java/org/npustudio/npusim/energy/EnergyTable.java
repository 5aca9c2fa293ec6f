package org.npustudio.npusim.energy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.npustudio.plan.Precision;

/**
 * Per-access energies of an NPU in picojoules (the {@code energy:} section of an NPU file; defaults and
 * their sources in docs/energy-area.md — 45 nm estimates). {@code ifmap}/{@code filter}/{@code ofmap} are
 * the buffers as the cost model names them: with a unified activation buffer ifmap and ofmap are that
 * buffer and filter is the weight buffer. {@code leakagePjPerCycle} and {@code vectorOpPj} are NaN when
 * the file leaves them to be derived ({@link #leakagePerCycle}, {@link #vectorOp}).
 */
public record EnergyTable(Map<Precision, Double> macPj, double registerPjPerByte, double arrayPjPerByte, BufferEnergy ifmap,
                          BufferEnergy filter, BufferEnergy ofmap, double dramPjPerByte, double hostLinkPjPerByte,
                          double leakagePjPerCycle, double vectorOpPj) {

    /** Horowitz (ISSCC 2014), 45 nm: 8-bit multiply 0.2 pJ + 8-bit add 0.03 pJ. The "1x" of Eyeriss' ratios. */
    public static final double INT8_MAC_PJ = 0.2 + 0.03;
    /** Eyeriss' normalised costs (Chen et al., ISCA 2016): register file 1x, array (inter-PE) 2x, global buffer 6x, DRAM 200x a MAC. */
    public static final double RF_RATIO = 1, ARRAY_RATIO = 2, BUFFER_RATIO = 6, DRAM_RATIO = 200;
    /** Static power assumed as this fraction of the array's peak MAC power (an assumption, docs/energy-area.md). */
    public static final double LEAKAGE_FRACTION = 0.1;

    /** MAC energy per precision: int8 and the floats from Horowitz' table; int4 and int4w8a scaled (docs/energy-area.md). */
    public static Map<Precision, Double> defaultMacPj() {
        Map<Precision, Double> m = new EnumMap<>(Precision.class);
        m.put(Precision.INT8, INT8_MAC_PJ);
        m.put(Precision.INT4, 0.2 / 4 + 0.03);      // multiplier ~ bits^2, 8-bit-wide accumulate add
        m.put(Precision.INT4_W8A, 0.2 / 2 + 0.03);  // 4x8 multiplier: half an 8x8 one
        m.put(Precision.FP16, 1.1 + 0.4);
        // weight-only int8/int4 and bf16 compute in a 16-bit float MAC: the fp16 figure (docs/energy-area.md)
        m.put(Precision.INT8_W16A, 1.1 + 0.4);
        m.put(Precision.INT4_W16A, 1.1 + 0.4);
        m.put(Precision.BF16, 1.1 + 0.4);
        m.put(Precision.FP32, 3.7 + 0.9);
        return m;
    }

    public static EnergyTable defaults() {
        BufferEnergy sram = new BufferEnergy(BUFFER_RATIO * INT8_MAC_PJ, BUFFER_RATIO * INT8_MAC_PJ);
        double dram = DRAM_RATIO * INT8_MAC_PJ;
        return new EnergyTable(defaultMacPj(), RF_RATIO * INT8_MAC_PJ, ARRAY_RATIO * INT8_MAC_PJ, sram, sram, sram, dram, dram,
                Double.NaN, Double.NaN);
    }

    public double mac(Precision p) {
        Double v = macPj.get(p);
        return v != null ? v : defaultMacPj().get(p);
    }

    /** One vector-unit element operation (per op cycle): as given, else one MAC of the precision. */
    public double vectorOp(Precision p) { return Double.isNaN(vectorOpPj) ? mac(p) : vectorOpPj; }

    /**
     * Static energy per clock cycle of an NPU with {@code pes} PEs built for {@code precisions}: as given, else
     * {@link #LEAKAGE_FRACTION} of the array's peak MAC energy per cycle at its most expensive precision.
     */
    public double leakagePerCycle(long pes, List<Precision> precisions) {
        if (!Double.isNaN(leakagePjPerCycle)) return leakagePjPerCycle;
        double widest = 0;
        for (Precision p : precisions) widest = Math.max(widest, mac(p));
        return LEAKAGE_FRACTION * pes * widest;
    }
}
