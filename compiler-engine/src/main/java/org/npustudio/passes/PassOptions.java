package org.npustudio.passes;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Option values for one pass instance: every declared option, with its default when not given. */
public final class PassOptions {
    private final Map<String, Object> values;

    private PassOptions(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Defaults for {@code declared}, overridden by {@code given}. A given name that is not declared or a
     * value of the wrong type is an {@link IllegalArgumentException} naming the valid options.
     */
    public static PassOptions of(String pass, List<PassOption> declared, Map<String, ?> given) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (PassOption o : declared) v.put(o.name(), o.defaultValue());
        for (Map.Entry<String, ?> e : given.entrySet()) {
            PassOption o = declared.stream().filter(d -> d.name().equals(e.getKey())).findFirst().orElse(null);
            if (o == null) {
                throw new IllegalArgumentException("pass '" + pass + "' has no option '" + e.getKey() + "' "
                        + validOptions(declared));
            }
            v.put(o.name(), checked(pass, o, e.getValue()));
        }
        return new PassOptions(v);
    }

    public static String validOptions(List<PassOption> declared) {
        if (declared.isEmpty()) return "(it takes no options)";
        return "(valid options: " + String.join(", ", declared.stream().map(PassOption::describe).toList()) + ")";
    }

    private static Object checked(String pass, PassOption o, Object value) {
        boolean ok = switch (o.type()) {
            case BOOLEAN -> value instanceof Boolean;
            case INTEGER -> value instanceof Long;
            case NUMBER -> value instanceof Double;
            case STRING -> value instanceof String;
            case STRING_LIST -> value instanceof List<?> l && l.stream().allMatch(x -> x instanceof String);
        };
        if (!ok) throw new IllegalArgumentException("option '" + o.name() + "' of pass '" + pass + "' must be " + o.describe());
        return o.type() == PassOption.Type.STRING_LIST ? List.copyOf((List<?>) value) : value;
    }

    public boolean bool(String name) { return (Boolean) get(name); }

    public long integer(String name) { return (Long) get(name); }

    public double number(String name) { return (Double) get(name); }

    public String string(String name) { return (String) get(name); }

    @SuppressWarnings("unchecked")
    public List<String> strings(String name) { return (List<String>) get(name); }

    public Map<String, Object> asMap() { return values; }

    private Object get(String name) {
        if (!values.containsKey(name)) throw new IllegalArgumentException("undeclared option '" + name + "'");
        return values.get(name);
    }

    @Override
    public String toString() { return values.toString(); }
}
