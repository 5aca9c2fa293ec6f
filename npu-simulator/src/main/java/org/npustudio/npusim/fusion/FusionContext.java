package org.npustudio.npusim.fusion;

import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.cost.NodeCost;
import org.npustudio.npusim.work.WorkGraph;
import org.npustudio.npusim.work.WorkNode;
import org.npustudio.plan.Precision;

/**
 * What grouping needs to know per node and value: the device, the DRAM bytes a value costs when it is
 * not kept on chip, the SRAM band it needs when it is (line buffering: for an N x C x H x W map only the
 * rows the consumers' windows span, else the whole tensor), and the capacities.
 */
public final class FusionContext {
    private final WorkGraph graph;
    private final Device[] deviceOf;
    private final NodeCost[] costs;
    private final Precision[] precisionOf;

    /** Every node at its device's default precision. */
    public FusionContext(WorkGraph graph, Device[] deviceOf, NodeCost[] costs) {
        this(graph, deviceOf, costs, defaults(deviceOf));
    }

    /** Each node at {@code precisionOf[node]} (sizes its kept outputs and its weights). */
    public FusionContext(WorkGraph graph, Device[] deviceOf, NodeCost[] costs, Precision[] precisionOf) {
        this.graph = graph;
        this.deviceOf = deviceOf;
        this.costs = costs;
        this.precisionOf = precisionOf;
    }

    private static Precision[] defaults(Device[] deviceOf) {
        Precision[] p = new Precision[deviceOf.length];
        for (int i = 0; i < p.length; i++) p[i] = deviceOf[i].precision();
        return p;
    }

    public WorkGraph graph() { return graph; }

    public Device device(int node) { return deviceOf[node]; }

    /** DRAM bytes saved when the value stays on chip: its producer's writes plus every consumer's reads. */
    public double savings(String value) {
        int p = graph.producerOf(value);
        double s = 0;
        WorkNode pn = graph.node(p);
        for (int j = 0; j < pn.outputs().size(); j++) if (pn.outputs().get(j).equals(value)) s += costs[p].writeBytes()[j];
        for (int c : graph.consumersOf(value)) {
            WorkNode cn = graph.node(c);
            for (int i = 0; i < cn.inputs().size(); i++) if (cn.inputs().get(i).equals(value)) s += costs[c].readBytes()[i];
        }
        return s;
    }

    /** SRAM bytes a kept intermediate occupies: a band of rows for feature maps streamed by windows. */
    public double footprint(String value) {
        long[] shape = graph.shape(value);
        if (shape == null) return Double.POSITIVE_INFINITY;
        int p = graph.producerOf(value);
        double bytesPerElement = precisionOf[p].activationBytes(1);
        double elements = 1;
        for (long d : shape) elements *= d;
        if (shape.length == 4) {
            int rows = 2;
            for (int c : graph.consumersOf(value)) {
                int w = graph.node(c).work().windowRows();
                if (w == 0) return elements * bytesPerElement;
                rows = Math.max(rows, w);
            }
            elements = elements / shape[2] * Math.min(shape[2], rows);
        }
        return elements * bytesPerElement;
    }

    /** Weight bytes of a node (constant inputs as this node reads them). */
    public double weights(int node) {
        WorkNode n = graph.node(node);
        double w = 0;
        for (int i = 0; i < n.inputs().size(); i++) {
            if (n.work().constantInputs()[i]) w += precisionOf[node].weightBytes(n.work().inputElements()[i]);
        }
        return w;
    }

    /** SRAM left for kept intermediates: the activation buffers (ifmap + ofmap, or the unified one). */
    public double activationCapacity(Device d) {
        var s = d.npu().sram();
        return s.unified() ? s.activationBytes() : s.ifmapBytes() + s.ofmapBytes();
    }

    public double weightCapacity(Device d) { return d.npu().sram().filterBytes(); }

    /** A value can stay inside a group spanning these nodes: produced there, consumed only there, not an output. */
    public boolean internalTo(String value, java.util.function.IntPredicate inGroup) {
        int p = graph.producerOf(value);
        if (p < 0 || !inGroup.test(p) || graph.isGraphOutput(value)) return false;
        var consumers = graph.consumersOf(value);
        if (consumers.isEmpty()) return false;
        for (int c : consumers) if (!inGroup.test(c)) return false;
        return true;
    }
}
