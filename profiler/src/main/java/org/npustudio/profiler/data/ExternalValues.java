package org.npustudio.profiler.data;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.npustudio.error.StudioException;
import org.npustudio.host.OrtTrace;

/**
 * Per-node values from a file another tool wrote, keyed by the node names in that file: ONNX Runtime's
 * profiling JSON (a Chrome-trace event list, read by compiler-engine's {@link OrtTrace}: each node's
 * {@code <node>_kernel_time} averaged over the runs, µs) or Model Explorer node data ({@code {graphId:
 * {results: {node: {value}}}}}, as {@code npustudio report} writes it in model-explorer.json; a bare
 * {@code {results: …}} is read too). The format is told by the JSON's shape, not the file name.
 */
public record ExternalValues(Path file, Format format, Map<String, Double> byName) {
    public enum Format {
        ORT_PROFILE("ONNX Runtime profile", "kernel time"),
        MODEL_EXPLORER("Model Explorer node data", "value");

        private final String title;
        private final String quantity;

        Format(String title, String quantity) {
            this.title = title;
            this.quantity = quantity;
        }

        public String title() { return title; }

        /** What the values are, for a legend. */
        public String quantity() { return quantity; }

        /** A value for a badge or legend: kernel times as µs/ms, node data to three significant digits. */
        public String format(double v) {
            if (this == ORT_PROFILE) return Metric.LATENCY.format(v);
            if (Math.abs(v) >= 1e3) return Units.count(v).trim();
            return v == 0 ? "0" : new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
        }
    }

    public ExternalValues {
        byName = Map.copyOf(byName);
    }

    public static ExternalValues read(Path file) throws StudioException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JacksonException e) {
            throw new StudioException(file.toString(), "", "not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new StudioException(file.toString(), "", "cannot read: " + e.getMessage(), e);
        }
        if (root != null && (root.isArray() || root.path("traceEvents").isArray())) {
            Map<String, Double> v = OrtTrace.of(root.isArray() ? root : root.get("traceEvents")).meanNodeMicros();
            if (v.isEmpty()) {
                throw new StudioException(file.toString(), "", "a trace without ONNX Runtime node events (<node>_kernel_time inside a model_run)");
            }
            return new ExternalValues(file, Format.ORT_PROFILE, new TreeMap<>(v));
        }
        if (root != null && root.isObject()) {
            Map<String, Double> v = new LinkedHashMap<>();
            if (root.has("results")) {
                results(file, "results", root.get("results"), v);
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> g = it.next();
                    if (g.getValue().has("results")) results(file, g.getKey() + ".results", g.getValue().get("results"), v);
                }
            }
            if (!v.isEmpty()) return new ExternalValues(file, Format.MODEL_EXPLORER, v);
        }
        throw new StudioException(file.toString(), "",
                "neither an ONNX Runtime profile (a list of trace events) nor Model Explorer node data ({graph: {results: {node: {value}}}}) with values");
    }

    private static void results(Path file, String place, JsonNode results, Map<String, Double> into) throws StudioException {
        if (!results.isObject()) throw new StudioException(file.toString(), place, "results must be an object of node: {value}");
        for (Iterator<Map.Entry<String, JsonNode>> it = results.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode value = e.getValue().path("value");
            if (!value.isNumber()) {
                throw new StudioException(file.toString(), place + "." + e.getKey(), "value must be a number, found " + e.getValue());
            }
            into.put(e.getKey(), value.asDouble());
        }
    }
}
