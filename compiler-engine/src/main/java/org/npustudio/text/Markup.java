package org.npustudio.text;

/** Text made safe for XML, SVG and HTML content and attribute values. */
public final class Markup {
    private Markup() {}

    /**
     * Escapes {@code < > & " '}; drops control characters XML 1.0 forbids even when escaped (tab, newline
     * and carriage return stay). Null becomes the empty string.
     */
    public static String escape(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') b.append(c);
                }
            }
        }
        return b.toString();
    }
}
