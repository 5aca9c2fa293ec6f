package org.npustudio.graphview.layout;

import java.util.concurrent.CancellationException;

/** Thrown from inside a layout phase once its {@link LayoutMonitor} has been cancelled. */
public final class LayoutCancelledException extends CancellationException {
    public LayoutCancelledException(String phase) {
        super("layout cancelled during " + phase);
    }
}
