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
    /**
     * SnakeYAML's scanner slows down sharply on very long lines (measured: 4 Mi characters 3.4 s,
     * 16 Mi 63 s), so longer lines are refused up front. 4 Mi still holds a NEST-C
     * {@code nodeToPartition} line for a model of about 100k nodes.
     */
    public static final int MAX_LINE_CHARS = 4 * 1024 * 1024;

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
        refuseLongLines(text, source);
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

    private static void refuseLongLines(String text, String source) throws YamlException {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (i - start > MAX_LINE_CHARS) {
                    throw new YamlException(source, line, 1, null, "line " + line + " has " + (i - start)
                            + " characters; lines longer than " + MAX_LINE_CHARS / (1024 * 1024) + " Mi characters are refused");
                }
                line++;
                start = i + 1;
            }
        }
    }
}
