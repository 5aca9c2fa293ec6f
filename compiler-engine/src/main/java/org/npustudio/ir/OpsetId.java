package org.npustudio.ir;

/** An operator-set import: a domain ("" is the default ONNX domain) and its version. */
public record OpsetId(String domain, long version) {
    public static final String DEFAULT_DOMAIN = "";

    /** "ai.onnx" and "" name the same domain; the IR keeps what the file said. */
    public static boolean isDefaultDomain(String domain) {
        return domain == null || domain.isEmpty() || domain.equals("ai.onnx");
    }
}
