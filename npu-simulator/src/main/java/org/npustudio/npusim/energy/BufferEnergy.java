package org.npustudio.npusim.energy;

/** Energy to read and to write one byte of an on-chip buffer, in picojoules. */
public record BufferEnergy(double readPjPerByte, double writePjPerByte) {}
