package org.npustudio.npusim.cli;

import org.npustudio.npusim.sim.SimulationResult;

/** Test access to the package-private reports. */
public final class Probe {
    private Probe() {}

    public static String table(SimulationResult r) { return TableReport.render(r); }

    public static String json(SimulationResult r) { return JsonReport.render(r); }

    public static String csv(SimulationResult r) { return CsvReport.nodes(r); }

    public static String scheduleCsv(SimulationResult r) { return CsvReport.schedule(r); }
}
