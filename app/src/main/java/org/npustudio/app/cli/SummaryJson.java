package org.npustudio.app.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.analysis.ModelSummary;
import org.npustudio.analysis.ValueSummary;
import org.npustudio.ir.Dim;
import org.npustudio.ir.OpsetId;
import org.npustudio.ir.Shape;

/**
 * The JSON form of a {@link ModelSummary}. {@code macs} and {@code flops} are null unless every node's
 * cost is known; {@code knownMacs}/{@code knownFlops} then hold the sum over the nodes that are.
 */
final class SummaryJson {
    private SummaryJson() {}

    static Map<String, Object> of(ModelSummary s, String file) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file);
        m.put("model", s.name());
        m.put("irVersion", s.irVersion());
        Map<String, Object> producer = new LinkedHashMap<>();
        producer.put("name", s.producerName());
        producer.put("version", s.producerVersion());
        m.put("producer", producer);
        List<Object> opsets = new ArrayList<>();
        for (OpsetId o : s.opsets()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("domain", o.domain());
            e.put("version", o.version());
            opsets.add(e);
        }
        m.put("opsets", opsets);
        m.put("inputs", values(s.inputs()));
        m.put("outputs", values(s.outputs()));
        m.put("nodes", s.nodes());
        m.put("subgraphNodes", s.subgraphNodes());
        m.put("ops", new LinkedHashMap<String, Object>(s.opHistogram()));
        m.put("subgraphOps", new LinkedHashMap<String, Object>(s.subgraphOpHistogram()));
        m.put("initializers", s.initializers());
        m.put("params", s.params());
        m.put("paramBytes", s.paramBytes());
        m.put("macs", s.macs().isPresent() ? (Object) s.macs().getAsLong() : null);
        m.put("flops", s.flops().isPresent() ? (Object) s.flops().getAsLong() : null);
        m.put("knownMacs", s.knownMacs());
        m.put("knownFlops", s.knownFlops());
        m.put("unknownCostNodes", s.unknownCostNodes());
        return m;
    }

    private static List<Object> values(List<ValueSummary> vs) {
        List<Object> out = new ArrayList<>();
        for (ValueSummary v : vs) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", v.name());
            e.put("type", v.typeText());
            e.put("elemType", v.elementType());
            e.put("shape", shape(v.shape()));
            out.add(e);
        }
        return out;
    }

    /** Known sizes as numbers, symbolic ones by name, unknown ones as null; null for unknown rank. */
    private static List<Object> shape(Shape s) {
        if (s == null) return null;
        List<Object> dims = new ArrayList<>();
        for (Dim d : s.dims()) dims.add(d.isKnown() ? (Object) d.value() : d.param());
        return dims;
    }
}
