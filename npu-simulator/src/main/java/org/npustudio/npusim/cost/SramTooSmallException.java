package org.npustudio.npusim.cost;

import org.npustudio.error.StudioException;

/** A device's buffer cannot hold the smallest tile an op needs; names the device, buffer and sizes. */
public final class SramTooSmallException extends StudioException {
    public SramTooSmallException(String device, String buffer, String node, double neededBytes, double haveBytes) {
        super(device, "sram." + buffer, "the " + buffer + " buffer (" + (long) haveBytes + " B) cannot hold one double-buffered tile for node '"
                + node + "' (" + (long) Math.ceil(neededBytes) + " B needed)");
    }
}
