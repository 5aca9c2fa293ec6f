package org.npustudio.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A read-only view of a composed YAML node with typed accessors that report mistakes at the node's
 * position (file, line, column, key path). Absent documents (null node) behave as an empty mapping.
 */
public final class YamlNode {
    private final Node node;
    private final String source;
    private final String path;

    YamlNode(Node node, String source, String path) {
        this.node = node;
        this.source = source;
        this.path = path;
    }

    public String source() { return source; }

    public String path() { return path; }

    public int line() { return node == null ? 1 : node.getStartMark().getLine() + 1; }

    public int column() { return node == null ? 1 : node.getStartMark().getColumn() + 1; }

    /** Where the node starts and ends in its source text, in code points (for edits that keep the rest of a file as written). */
    public int startCodePoint() { return node == null ? 0 : node.getStartMark().getIndex(); }

    public int endCodePoint() { return node == null ? 0 : node.getEndMark().getIndex(); }

    public YamlException error(String problem) {
        return new YamlException(source, line(), column(), path, problem);
    }

    public boolean isMapping() { return node == null || node instanceof MappingNode; }

    public boolean isSequence() { return node instanceof SequenceNode; }

    public boolean isScalar() { return node instanceof ScalarNode; }

    /** Keys and values of a mapping, in document order. */
    public Map<String, YamlNode> entries() throws YamlException {
        Map<String, YamlNode> out = new LinkedHashMap<>();
        if (node == null) return out;
        if (!(node instanceof MappingNode m)) throw error("expected a mapping of keys to values");
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw new YamlNode(t.getKeyNode(), source, path).error("keys must be plain text");
            }
            YamlNode value = new YamlNode(t.getValueNode(), source, child(k.getValue()));
            // The composer does not refuse duplicate keys (SnakeYAML checks them later, in the constructor).
            if (out.put(k.getValue(), value) != null) {
                throw new YamlNode(k, source, path).error("duplicate key '" + k.getValue() + "'");
            }
        }
        return out;
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public boolean has(String key) throws YamlException {
        return entries().containsKey(key);
    }

    /** The value under {@code key}, or null when absent. */
    public YamlNode get(String key) throws YamlException {
        return entries().get(key);
    }

    public YamlNode require(String key) throws YamlException {
        YamlNode v = get(key);
        if (v == null) throw error("missing required key '" + key + "'");
        return v;
    }

    public List<YamlNode> items() throws YamlException {
        if (!(node instanceof SequenceNode s)) throw error("expected a list");
        List<YamlNode> out = new ArrayList<>();
        for (int i = 0; i < s.getValue().size(); i++) out.add(new YamlNode(s.getValue().get(i), source, path + "[" + i + "]"));
        return out;
    }

    public String text() throws YamlException {
        if (!(node instanceof ScalarNode s)) throw error("expected a single value");
        return s.getValue();
    }

    public long longValue() throws YamlException {
        String t = text().trim().replace("_", "");
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw error("'" + text() + "' is not a whole number");
        }
    }

    public double doubleValue() throws YamlException {
        String t = text().trim().replace("_", "");
        try {
            double d = Double.parseDouble(t);
            if (Double.isNaN(d) || Double.isInfinite(d)) throw error("'" + text() + "' is not a finite number");
            return d;
        } catch (NumberFormatException e) {
            throw error("'" + text() + "' is not a number");
        }
    }

    public long positiveLong() throws YamlException {
        long v = longValue();
        if (v <= 0) throw error("must be positive, got " + v);
        return v;
    }

    public double positiveDouble() throws YamlException {
        double v = doubleValue();
        if (v <= 0) throw error("must be positive, got " + text());
        return v;
    }

    public boolean booleanValue() throws YamlException {
        return switch (text().trim().toLowerCase()) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error("'" + text() + "' is not true or false");
        };
    }

    public List<String> textList() throws YamlException {
        List<String> out = new ArrayList<>();
        for (YamlNode i : items()) out.add(i.text());
        return out;
    }

    /** Keys of this mapping that are not in {@code known}, as warnings naming their position. */
    public List<String> unknownKeys(Set<String> known) throws YamlException {
        List<String> warnings = new ArrayList<>();
        for (Map.Entry<String, YamlNode> e : entries().entrySet()) {
            if (!known.contains(e.getKey())) {
                YamlNode v = e.getValue();
                warnings.add(source + ": line " + v.line() + ": unknown key '" + v.path() + "' ignored (known: "
                        + String.join(", ", new java.util.TreeSet<>(known)) + ")");
            }
        }
        return warnings;
    }
}
