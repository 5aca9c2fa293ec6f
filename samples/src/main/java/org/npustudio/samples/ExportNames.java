package org.npustudio.samples;

import java.util.HashMap;
import java.util.Map;

/**
 * Node and value names in the style of PyTorch's ONNX exporter.
 * <p>A module with qualified name {@code features.1.conv.0.0} lives in the scope
 * {@code /features/features.1/conv/conv.0/conv.0.0}: one component per ancestor module, each named from
 * its last non-numeric path part on (Sequential children keep their parent's name as a prefix).
 * A module called again in the same forward pass gets {@code _1}, {@code _2} on its own component
 * ({@code relu}, {@code relu_1}); ops repeated within one scope get the same suffix on the op type
 * ({@code Mul}, {@code Mul_1}). A node's n-th output is {@code <node name>_output_<n>}.
 */
final class ExportNames {
    private final Map<String, Integer> moduleCalls = new HashMap<>();
    private final Map<String, Integer> opsInScope = new HashMap<>();

    /** Scope of a new call of the module at {@code path} ("" = the top-level module). */
    String call(String path) {
        if (path.isEmpty()) return "";
        int n = moduleCalls.merge(path, 1, Integer::sum) - 1;
        return scopeOf(path) + (n == 0 ? "" : "_" + n);
    }

    /** Scope for functional ops of the container module at {@code path}, without counting a call. */
    static String within(String path) {
        return path.isEmpty() ? "" : scopeOf(path);
    }

    /** Unique node name for an op of {@code opType} in {@code scope}. */
    String node(String scope, String opType) {
        String base = scope + "/" + opType;
        int n = opsInScope.merge(base, 1, Integer::sum) - 1;
        return n == 0 ? base : base + "_" + n;
    }

    static String output(String nodeName, int index) {
        return nodeName + "_output_" + index;
    }

    static String scopeOf(String path) {
        String[] parts = path.split("\\.");
        StringBuilder scope = new StringBuilder();
        int named = 0;
        for (int i = 0; i < parts.length; i++) {
            if (!isIndex(parts[i])) named = i;
            scope.append('/').append(String.join(".", java.util.Arrays.copyOfRange(parts, named, i + 1)));
        }
        return scope.toString();
    }

    private static boolean isIndex(String part) {
        return !part.isEmpty() && part.chars().allMatch(Character::isDigit);
    }
}
