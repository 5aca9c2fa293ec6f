package org.npustudio.app.lesson;

import java.util.List;
import java.util.Set;

/** The named measures a predict step or a numeric check may compute, with the parameters each accepts. */
public enum MeasureType {
    /**
     * Number of nodes of the main graph, optionally of one op type ({@code op}); with {@code pipeline} after
     * running it on a copy, legalized as compile writes it unless {@code legalize: false} (fused ops kept).
     */
    NODE_COUNT("node_count", Set.of("op", "pipeline", "legalize")),
    /** Multiply-accumulates of one node ({@code node}) or of the whole model (OpCostModel); {@code pipeline} as for node_count. */
    MACS("macs", Set.of("node", "pipeline")),
    /** Parameters (weights) of one node or of the whole model; {@code pipeline} as for node_count. */
    PARAMS("params", Set.of("node", "pipeline")),
    /**
     * Bytes of the model's constants (initializers and Constant nodes) at their stored precision (float32 4, int8 1, int4 ½: an INT4 tensor, or an
     * int8 tensor that a DequantizeLinear reads whose values all lie in [−8, 7], as the quantizer emulates int4
     * below opset 21); {@code pipeline} as for node_count.
     */
    WEIGHT_BYTES("weight_bytes", Set.of("pipeline")),
    /**
     * NPU cycles of one node, of a block ({@code nodes}, summed) or of the whole model (simulator; {@code npu} file,
     * default npu.yaml; plan.yaml when present).
     */
    CYCLES("cycles", Set.of("node", "npu", "fuse")),
    /** Latency in microseconds of one node, summed over a block's nodes, or end to end (simulator). */
    LATENCY_US("latency_us", Set.of("node", "npu", "fuse")),
    /** DRAM bytes read + written by one node, a block's nodes or the whole model (simulator). */
    DRAM_BYTES("dram_bytes", Set.of("node", "npu", "fuse")),
    /**
     * Partitions of plan.yaml, or with {@code devices} (a devices file among the lesson's start files) of the plan
     * {@code partition auto} makes from it (capability-based); {@code device} ({@code npu}/{@code cpu}) counts one kind.
     */
    PARTITIONS("partitions", Set.of("devices", "device")),
    /** Tensors the simulator sends over the host link between devices (plan.yaml's partitions; each crossing once per receiving device). */
    TRANSFERS("transfers", Set.of("npu", "fuse"));

    private final String yamlName;
    private final Set<String> params;

    MeasureType(String yamlName, Set<String> params) {
        this.yamlName = yamlName;
        this.params = params;
    }

    public String yamlName() { return yamlName; }

    /** Parameter names the measure accepts (besides {@code type} and {@code on}). */
    public Set<String> params() { return params; }

    /** Whether the measure may sum a block's nodes ({@code nodes: [a, b, …]}): the simulator's per-node measures. */
    public boolean takesNodes() { return this == CYCLES || this == LATENCY_US || this == DRAM_BYTES; }

    /** Whether the measure runs the simulator (and so needs an NPU file). */
    public boolean simulated() { return this == CYCLES || this == LATENCY_US || this == DRAM_BYTES || this == TRANSFERS; }

    public static MeasureType parse(String s) {
        for (MeasureType t : values()) if (t.yamlName.equals(s)) return t;
        return null;
    }

    String describe(Measure m) {
        String what = switch (this) {
            case NODE_COUNT -> m.param("op") == null ? "nodes" : m.param("op") + " nodes";
            case MACS -> "MACs" + of(m);
            case PARAMS -> "parameters" + of(m);
            case WEIGHT_BYTES -> "weight bytes of the model";
            case CYCLES -> "cycles" + of(m);
            case LATENCY_US -> "latency (µs)" + of(m);
            case DRAM_BYTES -> "DRAM bytes" + of(m);
            case PARTITIONS -> (m.param("device") == null ? "partitions" : m.param("device").toUpperCase(java.util.Locale.ROOT) + " partitions")
                    + (m.param("devices") == null ? " of " + Workspaces.PLAN : " of the capability plan for " + m.param("devices"));
            case TRANSFERS -> "host-link transfers of " + Workspaces.PLAN;
        };
        if (m.param("pipeline") != null) {
            what += " after the " + m.param("pipeline") + " pipeline" + ("false".equals(m.param("legalize")) ? " (not legalized)" : "");
        }
        if (simulated()) what += " on " + (m.param("npu") == null ? Workspaces.NPU : m.param("npu"));
        return m.on() == Measure.On.START ? what + " (lesson start)" : what;
    }

    private static String of(Measure m) {
        if (m.param("node") != null) return " of " + m.param("node");
        List<String> n = m.nodes();
        if (n.isEmpty()) return " of the model";
        return n.size() == 1 ? " of " + n.get(0) : " of the " + n.size() + " nodes " + n.get(0) + " … " + n.get(n.size() - 1);
    }
}
