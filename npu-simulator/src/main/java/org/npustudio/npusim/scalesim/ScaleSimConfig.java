package org.npustudio.npusim.scalesim;

import org.npustudio.npusim.Dataflow;

/**
 * A SCALE-Sim {@code .cfg}: array size, the three SRAMs (kB), dataflow and the DRAM interface
 * bandwidth in words per cycle (SCALE-Sim's word is one byte). {@code bandwidthMode} is the run preset
 * InterfaceBandwidth (CALC or USER).
 */
public record ScaleSimConfig(String runName, int arrayHeight, int arrayWidth, long ifmapSramKb, long filterSramKb,
                             long ofmapSramKb, Dataflow dataflow, double bandwidthWordsPerCycle, int memoryBanks,
                             String bandwidthMode) {}
