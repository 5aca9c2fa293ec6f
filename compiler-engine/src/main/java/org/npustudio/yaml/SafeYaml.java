package org.npustudio.yaml;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The one way NPU Studio reads YAML: SnakeYAML's safe constructor (no arbitrary types), limits on
 * aliases, nesting and document size (alias bombs and huge files fail fast), duplicate keys refused,
 * and the composed node tree kept so every later error can name its line and column.
 */
public final class SafeYaml {
    /** Largest document accepted (characters). Plans for 100k-node graphs stay far below this. */
    public static final int MAX_CODE_POINTS = 64 * 1024 * 1024;
    public static final int MAX_ALIASES = 100;
    public static final int MAX_NESTING = 64;

    private SafeYaml() {}

    public static LoaderOptions options() {
        LoaderOptions o = new LoaderOptions();
        o.setAllowDuplicateKeys(false);
        o.setMaxAliasesForCollections(MAX_ALIASES);
        o.setNestingDepthLimit(MAX_NESTING);
        o.setCodePointLimit(MAX_CODE_POINTS);
        o.setAllowRecursiveKeys(false);
        o.setProcessComments(true);
        return o;
    }

    public static YamlNode read(Path file) throws YamlException {
        String text;
        try {
            if (Files.size(file) > MAX_CODE_POINTS) {
                throw new YamlException(file.toString(), 0, 0, null, "the file is larger than " + MAX_CODE_POINTS / (1024 * 1024) + " MB");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new YamlException(file.toString(), 0, 0, null, "cannot read: " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** Parses one document; an empty document gives an empty mapping. */
    public static YamlNode parse(String text, String source) throws YamlException {
        Yaml yaml = new Yaml(new SafeConstructor(options()), new org.yaml.snakeyaml.representer.Representer(
                new org.yaml.snakeyaml.DumperOptions()), new org.yaml.snakeyaml.DumperOptions(), options());
        try {
            Node root = yaml.compose(new StringReader(text));
            return new YamlNode(root, source, "");
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            if (e.getContext() != null) problem = e.getContext() + ": " + problem;
            throw new YamlException(source, m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1, null,
                    problem.replace('\n', ' ').trim());
        } catch (YAMLException e) {
            // Limits (aliases, size, nesting) are reported without a mark.
            throw new YamlException(source, 0, 0, null, e.getMessage().replace('\n', ' ').trim());
        }
    }
}
