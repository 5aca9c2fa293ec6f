package org.npustudio.npusim.energy;

/**
 * Energy of one node, one device or a whole run, in picojoules, by where it goes: the MACs and vector
 * ops ({@code compute}; on a CPU, everything its power figure covers — docs/energy-area.md), PE registers
 * and operand hops between PEs ({@code register}), the on-chip buffers ({@code sram}), off-chip memory
 * ({@code dram}), the NPU-host link ({@code hostLink}) and static power ({@code leakage}).
 */
public record Energy(double computePj, double registerPj, double sramPj, double dramPj, double hostLinkPj, double leakagePj) {
    public static final Energy ZERO = new Energy(0, 0, 0, 0, 0, 0);

    public double totalPj() { return computePj + registerPj + sramPj + dramPj + hostLinkPj + leakagePj; }

    /** PE registers, the array's operand network and the SRAM buffers together. */
    public double onChipPj() { return registerPj + sramPj; }

    public double totalMicrojoules() { return totalPj() * 1e-6; }

    public Energy plus(Energy o) {
        return new Energy(computePj + o.computePj, registerPj + o.registerPj, sramPj + o.sramPj, dramPj + o.dramPj,
                hostLinkPj + o.hostLinkPj, leakagePj + o.leakagePj);
    }

    public Energy withHostLink(double pj) {
        return new Energy(computePj, registerPj, sramPj, dramPj, hostLinkPj + pj, leakagePj);
    }
}
