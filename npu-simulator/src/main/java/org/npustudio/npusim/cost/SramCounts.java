package org.npustudio.npusim.cost;

/** SRAM accesses in elements (SCALE-Sim's "SRAM IFMAP Reads", "SRAM Filter Reads", "SRAM OFMAP Writes"). */
public record SramCounts(long ifmapReads, long filterReads, long ofmapWrites) {}
