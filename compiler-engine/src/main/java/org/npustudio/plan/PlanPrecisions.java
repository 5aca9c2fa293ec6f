package org.npustudio.plan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.npustudio.ir.Graph;

/**
 * The precision each node of a model runs at under a plan (docs/partition-format.md, "Precision"): the node's own
 * entry ({@code precisions:}), else its partition's {@code precision}, else its device's default. The simulator
 * (bytes and cycles per node), the exporter (QDQ only where chosen) and the editor all resolve it here.
 */
public final class PlanPrecisions {
    private PlanPrecisions() {}

    /**
     * Node id -> precision the plan chose (node entry, else partition precision) for every node of the graph that
     * has one; nodes at their device's default are absent. Keys the plan names but no {@link Precision} models are
     * absent too ({@link PlanValidator} reports them).
     */
    public static Map<String, Precision> chosen(PlanBinding b) {
        return of(b, d -> null);
    }

    public static Map<String, Precision> chosen(Plan plan, Graph graph) {
        return chosen(PlanBinding.bind(plan, graph));
    }

    /**
     * As {@link #chosen(PlanBinding)}, with nodes the plan leaves open at {@code deviceDefault} of their partition's
     * device (absent when that gives null, or when the device is undefined).
     */
    public static Map<String, Precision> of(PlanBinding b, Function<Device, Precision> deviceDefault) {
        Map<String, Precision> out = new LinkedHashMap<>();
        for (int k = 0; k < b.partitionCount(); k++) {
            Partition p = b.partition(k);
            Device d = b.device(k);
            Precision fallback = d == null ? null : deviceDefault.apply(d);
            for (int i : b.members(k)) {
                String id = b.index().node(i).id();
                String key = p.precisionOf(id);
                Precision chosen = key.isEmpty() ? fallback : Precision.parse(key);
                if (chosen != null) out.put(id, chosen);
            }
        }
        return out;
    }

    /** A plan device's default as far as the plan says: the first precision it lists, else none. */
    public static Precision firstListed(Device d) {
        for (String key : d.precisions()) {
            Precision p = Precision.parse(key);
            if (p != null) return p;
        }
        return null;
    }
}
