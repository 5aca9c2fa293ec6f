package org.npustudio.npusim.sweep;

import java.io.Serializable;
import java.util.List;

/**
 * One design point: a configuration (one value per parameter, in the sweep file's order of parameters) run on
 * one model. {@code id} is {@code config × models + model index}: the same sweep file gives the same ids in
 * any process, which is what resuming and a cluster run key rows on.
 */
public record SweepPoint(long id, int config, String model, List<String> values) implements Serializable {
    public SweepPoint {
        values = List.copyOf(values);
    }
}
