package org.npustudio.export;

import java.util.LinkedHashMap;
import java.util.Map;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.passes.quant.QuantConfig;
import org.npustudio.passes.quant.QuantizationReport;
import org.npustudio.passes.quant.Quantizer;
import org.npustudio.plan.Plan;
import org.npustudio.plan.PlanPrecisions;
import org.npustudio.plan.Precision;

/**
 * Quantizes a model for export only where its plan chose a precision other than fp32 (node entry or partition
 * precision; docs/partition-format.md, "Precision"): those layers go through {@link Quantizer} at their precision,
 * everything else stays float, so a partition left at fp32 (or at its device default) has no QDQ nodes.
 */
final class PlanQuantization {
    private PlanQuantization() {}

    /** The layers to quantize, by node id of {@code original}: the plan's choices other than fp32. */
    static Map<String, Precision> chosen(Plan plan, Graph original) {
        Map<String, Precision> out = new LinkedHashMap<>();
        for (var e : PlanPrecisions.chosen(plan, original).entrySet()) if (e.getValue() != Precision.FP32) out.put(e.getKey(), e.getValue());
        return out;
    }

    /**
     * Quantizes {@code copy} in place; null when the plan chose no precision below fp32 or only for layers the
     * quantizer leaves alone (a Relu at int8), and then nothing changed.
     */
    static QuantizationReport apply(Model copy, Map<String, Precision> layers) throws StudioException {
        if (layers.isEmpty()) return null;
        QuantizationReport r = Quantizer.quantize(copy, QuantConfig.defaults().withLayers(layers, Precision.FP32));
        return r.layers().isEmpty() ? null : r;
    }
}
