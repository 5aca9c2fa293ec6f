package org.npustudio.app.lesson.check;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.npustudio.app.lesson.Place;
import org.npustudio.yaml.YamlException;
import org.npustudio.yaml.YamlNode;

/**
 * The parameters of one check (or measure) as written, read with line-numbered errors. Every key read is
 * remembered, so {@link #finish} can refuse a key the type does not know (a typo never silently changes a check).
 */
public final class CheckParams {
    private final YamlNode node;
    private final Map<String, YamlNode> entries;
    private final Set<String> used = new HashSet<>();

    public CheckParams(YamlNode node, Set<String> common) throws YamlException {
        this.node = node;
        this.entries = new LinkedHashMap<>(node.entries());
        used.addAll(common);
    }

    public YamlNode node() { return node; }

    public Place place() { return Place.of(node); }

    public Place place(String key) {
        YamlNode v = entries.get(key);
        return v == null ? place() : Place.of(v);
    }

    public boolean has(String key) { return entries.containsKey(key); }

    public String text(String key) throws YamlException {
        used.add(key);
        YamlNode v = entries.get(key);
        if (v == null) throw node.error("missing required key '" + key + "'");
        return v.text();
    }

    public String optText(String key) throws YamlException {
        used.add(key);
        YamlNode v = entries.get(key);
        return v == null ? null : v.text();
    }

    public double number(String key) throws YamlException {
        used.add(key);
        YamlNode v = entries.get(key);
        if (v == null) throw node.error("missing required key '" + key + "'");
        return v.doubleValue();
    }

    public double number(String key, double dflt) throws YamlException {
        used.add(key);
        YamlNode v = entries.get(key);
        return v == null ? dflt : v.doubleValue();
    }

    public double nonNegative(String key, double dflt) throws YamlException {
        double d = number(key, dflt);
        if (d < 0) throw entries.get(key).error("must not be negative");
        return d;
    }

    public long whole(String key, long dflt) throws YamlException {
        used.add(key);
        YamlNode v = entries.get(key);
        return v == null ? dflt : v.longValue();
    }

    public Compare compare() throws YamlException {
        String s = optText("compare");
        if (s == null) return Compare.EQ;
        Compare c = Compare.parse(s);
        if (c == null) throw entries.get("compare").error("unknown comparison '" + s + "'; use ==, <=, >=, < or >");
        return c;
    }

    /** The raw node under a key (for nested values such as a measure), marked as used; null when absent. */
    public YamlNode child(String key) {
        used.add(key);
        return entries.get(key);
    }

    /** Refuses keys nobody read, naming the first one and the keys the type knows. */
    public void finish(String what) throws YamlException {
        for (Map.Entry<String, YamlNode> e : entries.entrySet()) {
            if (!used.contains(e.getKey())) {
                Set<String> known = new TreeSet<>(used);
                throw e.getValue().error("unknown key '" + e.getKey() + "' for " + what + " (known: " + String.join(", ", known) + ")");
            }
        }
    }
}
