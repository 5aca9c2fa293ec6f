package org.npustudio.json;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes maps, lists, strings, numbers, booleans and null as indented JSON. Non-ASCII characters are
 * written as \\u escapes so the output is valid whatever encoding the terminal uses. Nesting is shallow
 * (documents describe a model, not its graph), so recursion is fine here.
 */
public final class JsonWriter {
    private final StringBuilder b = new StringBuilder();

    private JsonWriter() {}

    public static String write(Object value) {
        JsonWriter w = new JsonWriter();
        w.value(value, 0);
        return w.b.toString();
    }

    private void value(Object v, int indent) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof String s) {
            quote(s, b);
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
            b.append(v);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            b.append(Double.isFinite(d) ? Double.toString(d) : "null");
        } else if (v instanceof Map<?, ?> m) {
            object(m, indent);
        } else if (v instanceof List<?> l) {
            array(l, indent);
        } else {
            throw new IllegalArgumentException("cannot write " + v.getClass().getName() + " as JSON");
        }
    }

    private void object(Map<?, ?> m, int indent) {
        if (m.isEmpty()) {
            b.append("{}");
            return;
        }
        b.append("{\n");
        Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<?, ?> e = it.next();
            pad(indent + 1);
            quote(String.valueOf(e.getKey()), b);
            b.append(": ");
            value(e.getValue(), indent + 1);
            b.append(it.hasNext() ? ",\n" : "\n");
        }
        pad(indent);
        b.append('}');
    }

    private void array(List<?> l, int indent) {
        if (l.isEmpty()) {
            b.append("[]");
            return;
        }
        boolean flat = l.stream().noneMatch(x -> x instanceof Map || x instanceof List);
        b.append(flat ? "[" : "[\n");
        for (int i = 0; i < l.size(); i++) {
            if (!flat) pad(indent + 1);
            value(l.get(i), indent + 1);
            if (i < l.size() - 1) b.append(flat ? ", " : ",\n");
        }
        if (!flat) {
            b.append('\n');
            pad(indent);
        }
        b.append(']');
    }

    private void pad(int indent) {
        b.append("  ".repeat(indent));
    }

    /** Appends {@code s} as a JSON string literal. */
    public static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        out.append('"');
    }
}
