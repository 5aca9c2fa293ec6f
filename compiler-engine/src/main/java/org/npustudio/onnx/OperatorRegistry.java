package org.npustudio.onnx;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The standard ONNX operators (default domain, ai.onnx.ml, ai.onnx.preview.training) with the opset
 * each first appeared in, plus the experimental ops of early opsets ({@code legacy-operators.txt}).
 * Any other op (another domain, or a standard-domain name we do not know) has no known schema: it
 * still loads, as an opaque node (see {@link OpaqueOps}).
 */
public final class OperatorRegistry {
    public static final Set<String> STANDARD_DOMAINS = Set.of("ai.onnx", "ai.onnx.ml", "ai.onnx.preview.training");
    private static final Map<String, Integer> SINCE = load("standard-operators.txt");
    /** Experimental op -> first opset; they are known in every opset (old files keep using them). */
    private static final Map<String, Integer> LEGACY = load("legacy-operators.txt");

    private OperatorRegistry() {}

    private static Map<String, Integer> load(String resource) {
        Map<String, Integer> m = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                OperatorRegistry.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.trim().split("\\s+");
                m.put(f[0] + ":" + f[1], Integer.parseInt(f[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(m);
    }

    /** "" and "ai.onnx" are the same domain. */
    public static String canonicalDomain(String domain) {
        return domain == null || domain.isEmpty() ? "ai.onnx" : domain;
    }

    public static boolean isStandardDomain(String domain) {
        return STANDARD_DOMAINS.contains(canonicalDomain(domain));
    }

    /** A standard op or one of the experimental ops of early opsets. */
    public static boolean isKnown(String domain, String opType) {
        String key = canonicalDomain(domain) + ":" + opType;
        return SINCE.containsKey(key) || LEGACY.containsKey(key);
    }

    /** One of the experimental ops early opsets had (ImageScaler, Crop, ConstantFill, ...). */
    public static boolean isLegacy(String domain, String opType) {
        return LEGACY.containsKey(canonicalDomain(domain) + ":" + opType);
    }

    /** The opset version in which the op first appeared, or -1 when it is not a standard op. */
    public static int sinceVersion(String domain, String opType) {
        return SINCE.getOrDefault(canonicalDomain(domain) + ":" + opType, -1);
    }
}
