package org.npustudio.host;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.plan.ModelRef;

/**
 * What {@code npustudio measure} found on one machine for one model: per top-level node, the median, min
 * and max of its ONNX Runtime kernel time over {@code runs} profiled runs (after {@code warmup} runs
 * that are not counted), and the median of the whole run. Nodes are keyed by the model's stable node id
 * (docs/host-profile.md): the measured model has every node renamed to its id, so ORT's names are ours.
 * {@code unreported} lists nodes ORT ran no kernel for (Constants, which it folds into initializers at
 * load); costs of those stay modelled.
 */
public record HostProfile(ModelRef model, String cpu, int threads, String ortVersion, int runs, int warmup,
                          double modelMedianMicros, List<NodeTime> nodes, List<String> unreported) {
    public static final String FORMAT = "npustudio-host-profile";
    public static final int VERSION = 1;

    /** One node's kernel time in microseconds; {@code name} is its ONNX name (may be empty). */
    public record NodeTime(String id, String name, String op, double medianMicros, double minMicros, double maxMicros) {}

    public HostProfile {
        nodes = List.copyOf(nodes);
        unreported = List.copyOf(unreported);
    }

    /** The measured nodes by id, in file order. */
    public Map<String, NodeTime> byId() {
        Map<String, NodeTime> m = new LinkedHashMap<>();
        for (NodeTime n : nodes) m.put(n.id(), n);
        return m;
    }

    /**
     * Warnings when this profile was measured on another model (SHA-256 differs from {@code opened}'s; null or
     * an unknown hash: not checked) or on another CPU than {@code cpuHere}, each naming both values.
     * {@code source} names the profile (its file) at the start of each warning.
     */
    public List<String> mismatches(String source, ModelRef opened, String cpuHere) {
        List<String> out = new java.util.ArrayList<>();
        if (opened != null && model.conflictsWith(opened)) {
            out.add(source + ": measured on model " + model.file() + " (sha256 " + model.sha256() + "), but the opened model is "
                    + opened.file() + " (sha256 " + opened.sha256() + "); measured times are used only where node id and op type match");
        }
        if (cpuHere != null && !cpu.equals(cpuHere)) {
            out.add(source + ": measured on CPU '" + cpu + "', this machine is '" + cpuHere + "'; measured times are used as given");
        }
        return out;
    }

    /** Sum of the per-node medians (what the node table adds up to; the whole run also pays session overhead). */
    public double nodeSumMicros() {
        return nodes.stream().mapToDouble(NodeTime::medianMicros).sum();
    }
}
