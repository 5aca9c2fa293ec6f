package org.npustudio.passes.quant.sensitivity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.npustudio.io.Csv;
import org.npustudio.json.JsonWriter;
import org.npustudio.plan.Precision;

/**
 * Per-layer sensitivity: the model-output SQNR (dB) when only that layer is quantized, for each
 * precision analysed, plus the whole model at each precision (every layer at once) for reference.
 *
 * @param model     the model's display name
 * @param layers    quantizable layers in graph order
 * @param precisions the precisions analysed, in the order asked for
 * @param db        {@code db[layer][precision]}
 * @param uniform   the accuracy of the model with every layer at each precision
 * @param inputs    what the evaluation inputs were (e.g. "8 seeded random inputs")
 * @param seconds   wall time of the analysis
 */
public record SensitivityResult(String model, List<Layer> layers, List<Precision> precisions, double[][] db,
                                Map<Precision, Accuracy> uniform, String inputs, double seconds) {
    /** A quantizable layer: node id, ONNX name (may be empty) and operator. */
    public record Layer(String id, String name, String opType) {
        public String label() { return name.isEmpty() || name.equals(id) ? id : name; }
    }

    public SensitivityResult {
        layers = List.copyOf(layers);
        precisions = List.copyOf(precisions);
        uniform = Map.copyOf(uniform);
    }

    /** The SQNR with only {@code layerId} at {@code p}, NaN when that pair was not analysed. */
    public double db(String layerId, Precision p) {
        int j = precisions.indexOf(p);
        if (j < 0) return Double.NaN;
        for (int i = 0; i < layers.size(); i++) if (layers.get(i).id().equals(layerId)) return db[i][j];
        return Double.NaN;
    }

    /** Node id → dB at {@code p}, for overlays. */
    public Map<String, Double> byNode(Precision p) {
        Map<String, Double> m = new LinkedHashMap<>();
        int j = precisions.indexOf(p);
        if (j >= 0) for (int i = 0; i < layers.size(); i++) m.put(layers.get(i).id(), db[i][j]);
        return m;
    }

    /** Layer indices, worst (lowest dB at {@code p}) first; ties in graph order. */
    public List<Integer> worstFirst(Precision p) {
        int j = precisions.indexOf(p);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) order.add(i);
        if (j >= 0) order.sort(Comparator.comparingDouble(i -> db[i][j]));
        return order;
    }

    /** One row per layer (graph order): node, name, op, then one dB column per precision. */
    public String csv() {
        return Csv.write(Csv.FORMAT, out -> {
            List<String> head = new ArrayList<>(List.of("node", "name", "op"));
            for (Precision p : precisions) head.add(p.key() + "_sqnr_db");
            out.printRecord(head);
            for (int i = 0; i < layers.size(); i++) {
                Layer l = layers.get(i);
                List<String> row = new ArrayList<>(List.of(l.id(), l.name(), l.opType()));
                for (int j = 0; j < precisions.size(); j++) row.add(number(db[i][j]));
                out.printRecord(row);
            }
        });
    }

    public String json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("model", model);
        root.put("inputs", inputs);
        root.put("seconds", seconds);
        root.put("precisions", precisions.stream().map(Precision::key).toList());
        Map<String, Object> uni = new LinkedHashMap<>();
        for (Precision p : precisions) {
            Accuracy a = uniform.get(p);
            if (a != null) uni.put(p.key(), Map.of("output_sqnr_db", a.sqnrDb(), "top1_agreement", a.top1Agreement()));
        }
        root.put("uniform", uni);
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("node", layers.get(i).id());
            r.put("name", layers.get(i).name());
            r.put("op", layers.get(i).opType());
            Map<String, Object> s = new LinkedHashMap<>();
            for (int j = 0; j < precisions.size(); j++) s.put(precisions.get(j).key(), db[i][j]);
            r.put("sqnr_db", s);
            rows.add(r);
        }
        root.put("layers", rows);
        return JsonWriter.write(root) + "\n";
    }

    /** The table the CLI prints: worst layer first by the first precision. */
    public String table() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-32s %-10s", "layer", "op"));
        for (Precision p : precisions) b.append(String.format(Locale.ROOT, " %12s", p.key() + " dB"));
        b.append('\n');
        for (int i : worstFirst(precisions.get(0))) {
            b.append(String.format(Locale.ROOT, "%-32s %-10s", layers.get(i).label(), layers.get(i).opType()));
            for (int j = 0; j < precisions.size(); j++) b.append(String.format(Locale.ROOT, " %12s", number(db[i][j])));
            b.append('\n');
        }
        for (Precision p : precisions) {
            Accuracy a = uniform.get(p);
            if (a != null) b.append(String.format(Locale.ROOT, "all layers %s: output SQNR %s, top-1 agreement %.1f%%%n", p.key(), a.sqnrText(), 100 * a.top1Agreement()));
        }
        return b.toString();
    }

    static String number(double v) {
        return Double.isInfinite(v) ? "inf" : Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.2f", v);
    }
}
