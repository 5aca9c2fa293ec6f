package org.npustudio.passes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.yaml.SafeYaml;
import org.npustudio.yaml.YamlException;
import org.npustudio.yaml.YamlNode;

/**
 * Reads a pipeline file (format in docs/passes.md):
 * <pre>
 * name: my-pipeline          # optional
 * passes:
 *   - constant-folding       # a pass with default options
 *   - fuse-activation:       # a pass with options
 *       activations: [Relu, Clip]
 * </pre>
 * Every mistake (unknown pass or option, wrong value type) is an error with line and column that
 * lists what is valid.
 */
public final class PipelineYaml {
    private PipelineYaml() {}

    public static Pipeline read(Path file) throws YamlException {
        return parse(SafeYaml.read(file));
    }

    public static Pipeline parse(String text, String source) throws YamlException {
        return parse(SafeYaml.parse(text, source));
    }

    private static Pipeline parse(YamlNode root) throws YamlException {
        if (!root.isMapping()) throw root.error("a pipeline file is a mapping with a 'passes' list");
        for (Map.Entry<String, YamlNode> e : root.entries().entrySet()) {
            if (!e.getKey().equals("name") && !e.getKey().equals("passes")) {
                throw e.getValue().error("unknown key '" + e.getKey() + "' (valid keys: name, passes)");
            }
        }
        String name = root.has("name") ? root.get("name").text() : root.source();
        List<Pass> passes = new ArrayList<>();
        for (YamlNode item : root.require("passes").items()) passes.add(pass(item));
        return new Pipeline(name, passes);
    }

    private static Pass pass(YamlNode item) throws YamlException {
        if (item.isScalar()) return info(item, item.text()).create();
        Map<String, YamlNode> entries = item.entries();
        if (entries.size() != 1) throw item.error("each list item is a pass name, or one pass name mapped to its options");
        Map.Entry<String, YamlNode> e = entries.entrySet().iterator().next();
        PassInfo info = info(item, e.getKey());
        Map<String, Object> given = new LinkedHashMap<>();
        YamlNode opts = e.getValue();
        if (opts.isScalar() && opts.text().isEmpty()) return info.create();
        for (Map.Entry<String, YamlNode> o : opts.entries().entrySet()) {
            PassOption decl = info.options().stream().filter(d -> d.name().equals(o.getKey())).findFirst().orElse(null);
            if (decl == null) {
                throw o.getValue().error("pass '" + info.name() + "' has no option '" + o.getKey() + "' "
                        + PassOptions.validOptions(info.options()));
            }
            given.put(decl.name(), value(decl, o.getValue()));
        }
        try {
            return info.create(given);
        } catch (IllegalArgumentException ex) {
            throw opts.error(ex.getMessage());
        }
    }

    private static PassInfo info(YamlNode at, String passName) throws YamlException {
        PassInfo info = PassRegistry.get(passName);
        if (info == null) throw at.error("unknown pass '" + passName + "' " + PassRegistry.validNames());
        return info;
    }

    private static Object value(PassOption decl, YamlNode v) throws YamlException {
        return switch (decl.type()) {
            case BOOLEAN -> v.booleanValue();
            case INTEGER -> v.longValue();
            case NUMBER -> v.doubleValue();
            case STRING -> v.text();
            case STRING_LIST -> v.isScalar() ? List.of(v.text()) : v.textList();
        };
    }
}
