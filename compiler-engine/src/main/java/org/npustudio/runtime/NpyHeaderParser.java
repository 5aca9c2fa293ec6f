package org.npustudio.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.error.StudioException;

/**
 * Parses the Python literal in a {@code .npy} header: a dict of string keys whose values are strings,
 * True/False, integer tuples (returned as {@code long[]}) or lists (structured dtypes, returned as List).
 */
final class NpyHeaderParser {
    private final String s;
    private final String file;
    private int pos;

    private NpyHeaderParser(String s, String file) {
        this.s = s;
        this.file = file;
    }

    static Map<String, Object> parse(String text, String file) throws StudioException {
        NpyHeaderParser p = new NpyHeaderParser(text, file);
        Map<String, Object> m = p.dict();
        p.skipSpace();
        if (p.pos != p.s.length()) throw p.error("unexpected text after the header dict");
        return m;
    }

    private Map<String, Object> dict() throws StudioException {
        expect('{');
        Map<String, Object> m = new LinkedHashMap<>();
        while (true) {
            skipSpace();
            if (peek() == '}') { pos++; return m; }
            String key = string();
            expect(':');
            m.put(key, value());
            skipSpace();
            if (peek() == ',') pos++;
            else if (peek() != '}') throw error("expected ',' or '}'");
        }
    }

    private Object value() throws StudioException {
        skipSpace();
        char c = peek();
        if (c == '\'' || c == '"') return string();
        if (c == '(') return tuple();
        if (c == '[') return list();
        if (s.startsWith("True", pos)) { pos += 4; return Boolean.TRUE; }
        if (s.startsWith("False", pos)) { pos += 5; return Boolean.FALSE; }
        throw error("unexpected value");
    }

    private long[] tuple() throws StudioException {
        expect('(');
        List<Long> dims = new ArrayList<>();
        while (true) {
            skipSpace();
            if (peek() == ')') { pos++; break; }
            dims.add(integer());
            skipSpace();
            if (peek() == ',') pos++;
            else if (peek() != ')') throw error("expected ',' or ')' in the shape");
        }
        return dims.stream().mapToLong(Long::longValue).toArray();
    }

    /** Structured dtypes: skipped as a balanced bracket span; the caller rejects them. */
    private List<Object> list() throws StudioException {
        int depth = 0;
        do {
            char c = peek();
            if (c == '[' || c == '(') depth++;
            if (c == ']' || c == ')') depth--;
            pos++;
        } while (depth > 0);
        return List.of();
    }

    private long integer() throws StudioException {
        int start = pos;
        if (peek() == '-') pos++;
        while (pos < s.length() && Character.isDigit(s.charAt(pos))) pos++;
        String digits = s.substring(start, pos);
        if (pos < s.length() && s.charAt(pos) == 'L') pos++; // Python 2 long literal
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            pos = start;
            throw error("expected an integer dimension");
        }
    }

    private String string() throws StudioException {
        skipSpace();
        char quote = peek();
        if (quote != '\'' && quote != '"') throw error("expected a quoted string");
        int end = s.indexOf(quote, pos + 1);
        if (end < 0) throw error("unterminated string");
        String v = s.substring(pos + 1, end);
        pos = end + 1;
        return v;
    }

    private void expect(char c) throws StudioException {
        skipSpace();
        if (peek() != c) throw error("expected '" + c + "'");
        pos++;
    }

    private char peek() throws StudioException {
        if (pos >= s.length()) throw error("the header ends early");
        return s.charAt(pos);
    }

    private void skipSpace() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
    }

    private StudioException error(String problem) {
        return new StudioException(file, "header offset " + pos, problem + " in the .npy header dict");
    }
}
