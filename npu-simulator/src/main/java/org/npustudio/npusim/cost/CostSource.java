package org.npustudio.npusim.cost;

/**
 * Where a node's latency comes from: a host measurement ({@code npustudio measure}, CPU nodes only) or the
 * simulator's own models (the NPU model, the CPU roofline). Every view shows it.
 */
public enum CostSource {
    MEASURED("measured"),
    MODELLED("modelled");

    private final String label;

    CostSource(String label) { this.label = label; }

    public String label() { return label; }
}
