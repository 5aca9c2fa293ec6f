package org.npustudio.testdata;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One entry of the real-model corpus (src/test/resources/real-models/models.yaml): a checked-in file, a
 * fetched one that fetch.sh puts into the model cache, or a derived one that a test writes from another
 * entry's file ({@code derive}: {@code from} and how, e.g. {@code external_data: true} or {@code int8: true}). {@code inputs} is the shape binding a user would give
 * ({@code NAME → "1x3x640x640"}), {@code values} the inputs that must hold one value ({@code sr → "16000"}),
 * {@code expect} what the end-to-end chain must do per step where that is not "ok".
 */
public record RealModel(String file, boolean fetched, Map<String, String> derive, Path path, String exporter, List<String> features,
        Map<String, String> inputs, Map<String, String> values, Map<String, String> expect) {

    /** An entry with only a location (no binding, no expectations). */
    public RealModel(String file, boolean fetched, Path path) {
        this(file, fetched, Map.of(), path, "", List.of(), Map.of(), Map.of(), Map.of());
    }

    /** The entry a derived model is written from, or null. */
    public String derivedFrom() {
        return derive.get("from");
    }

    public boolean present() {
        return Files.isRegularFile(path);
    }

    public boolean derived() {
        return !derive.isEmpty();
    }

    /** The file name without {@code .onnx}. */
    public String name() {
        return file.replaceFirst("\\.onnx$", "");
    }

    /** The entry's bound dims of one input, or null when it binds none. */
    public long[] dims(String input) {
        String text = inputs.get(input);
        if (text == null) return null;
        if (text.isEmpty() || text.equals("scalar")) return new long[0];
        String[] parts = text.split("x");
        long[] d = new long[parts.length];
        for (int i = 0; i < parts.length; i++) d[i] = Long.parseLong(parts[i].trim());
        return d;
    }

    @Override public String toString() { return file; }
}
