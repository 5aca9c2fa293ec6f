package org.npustudio.passes;

import java.util.List;

/** One option a pass accepts: its name, value type, default and a line of help. */
public record PassOption(String name, Type type, Object defaultValue, String help) {
    public enum Type { BOOLEAN, INTEGER, NUMBER, STRING, STRING_LIST }

    public static PassOption bool(String name, boolean dflt, String help) {
        return new PassOption(name, Type.BOOLEAN, dflt, help);
    }

    public static PassOption integer(String name, long dflt, String help) {
        return new PassOption(name, Type.INTEGER, dflt, help);
    }

    public static PassOption number(String name, double dflt, String help) {
        return new PassOption(name, Type.NUMBER, dflt, help);
    }

    public static PassOption string(String name, String dflt, String help) {
        return new PassOption(name, Type.STRING, dflt, help);
    }

    public static PassOption strings(String name, List<String> dflt, String help) {
        return new PassOption(name, Type.STRING_LIST, List.copyOf(dflt), help);
    }

    /** "name (type, default X)" for error messages and docs. */
    public String describe() {
        String t = switch (type) {
            case BOOLEAN -> "true/false";
            case INTEGER -> "integer";
            case NUMBER -> "number";
            case STRING -> "text";
            case STRING_LIST -> "list";
        };
        return name + " (" + t + ", default " + defaultValue + ")";
    }
}
