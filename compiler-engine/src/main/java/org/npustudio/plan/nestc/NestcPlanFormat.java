package org.npustudio.plan.nestc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.npustudio.error.StudioException;
import org.npustudio.yaml.SafeYaml;
import org.npustudio.yaml.YamlException;
import org.npustudio.yaml.YamlNode;

/**
 * Reads and writes NEST-C plan files: a flat map of strings whose lists are joined with {@code :}.
 * {@code nodeToPartition} is written one entry per line; YAML folds the continuation lines into one
 * string, so every entry after the first starts with {@code :} and may carry spaces — entries are
 * trimmed. Node names therefore cannot contain {@code :} or {@code -} (the partition index follows the
 * last {@code -}); the writer refuses such names, naming them. Single spaces inside a node name are kept.
 */
public final class NestcPlanFormat {
    static final Set<String> KEYS = Set.of("funcName", "numOfPartitions", "backendNames", "partitionNames",
            "nodeToPartition", "logicalIDs", "parallelPartitions");
    private static final Pattern GROUP = Pattern.compile("\\(([^()]*)\\)");
    private static final Pattern LOGICAL_ID = Pattern.compile("\\d+(-\\d+)*");
    /** Characters that would end or change a plain YAML scalar, or that NEST-C's splitting reserves. */
    private static final Pattern UNSAFE = Pattern.compile("[\\s#,\\[\\]{}'\"]|^[&*!|>%@`?]");
    /**
     * As {@link #UNSAFE}, but single spaces inside a node name are allowed: a plain YAML scalar keeps them
     * (folding only joins lines, and the reader trims each entry's ends), so {@code my conv-0} reads back
     * as node {@code my conv}. Leading, trailing or repeated spaces would not survive NEST-C's trimming.
     */
    private static final Pattern UNSAFE_NODE = Pattern.compile("[\\t\\n\\r\\f#,\\[\\]{}'\"]|^[&*!|>%@`?\\s]|\\s$|  ");

    /** A plan and what the reader wants the user to know. */
    public record Loaded(NestcPlan plan, List<String> warnings) {}

    private NestcPlanFormat() {}

    /** True when a parsed document looks like a NEST-C plan (has {@code nodeToPartition} or {@code backendNames}). */
    public static boolean looksLikeNestc(YamlNode doc) throws YamlException {
        return doc.isMapping() && (doc.has("nodeToPartition") || doc.has("backendNames"));
    }

    public static Loaded read(Path file) throws StudioException {
        return read(SafeYaml.read(file));
    }

    public static Loaded parse(String text, String source) throws YamlException {
        return read(SafeYaml.parse(text, source));
    }

    public static Loaded read(YamlNode doc) throws YamlException {
        List<String> warnings = new ArrayList<>(doc.unknownKeys(KEYS));
        String func = doc.has("funcName") ? doc.require("funcName").text().trim() : "";
        YamlNode countNode = doc.require("numOfPartitions");
        long count = countNode.positiveLong();
        List<String> backends = split(doc.require("backendNames"));
        List<String> names = split(doc.require("partitionNames"));
        YamlNode ids = doc.require("logicalIDs");
        List<String> logical = split(ids);
        for (var e : List.of(List.of("backendNames", backends), List.of("partitionNames", names), List.of("logicalIDs", logical))) {
            @SuppressWarnings("unchecked") List<String> l = (List<String>) e.get(1);
            if (l.size() != count) {
                throw doc.require((String) e.get(0)).error(e.get(0) + " lists " + l.size() + " entries but numOfPartitions is " + count);
            }
        }
        for (String id : logical) if (!LOGICAL_ID.matcher(id).matches()) throw ids.error("logical id '" + id + "' is not a number or numbers joined by '-'");
        List<NestcPlan.Assignment> assignments = new ArrayList<>();
        YamlNode n2p = doc.get("nodeToPartition");
        if (n2p != null && !n2p.text().isBlank()) {
            for (String entry : split(n2p)) {
                int dash = entry.lastIndexOf('-');
                int k;
                try {
                    if (dash <= 0) throw new NumberFormatException();
                    k = Integer.parseInt(entry.substring(dash + 1).trim());
                } catch (NumberFormatException ex) {
                    throw n2p.error("entry '" + entry + "' is not nodeName-partitionIndex");
                }
                if (k < 0 || k >= count) throw n2p.error("entry '" + entry + "' names partition " + k + " of " + count);
                assignments.add(new NestcPlan.Assignment(entry.substring(0, dash).trim(), k));
            }
        }
        List<List<String>> parallel = new ArrayList<>();
        YamlNode par = doc.get("parallelPartitions");
        if (par != null && !par.text().isBlank()) {
            for (String g : par.text().split(":")) {
                Matcher m = GROUP.matcher(g.trim());
                if (!m.matches()) throw par.error("parallel group '" + g.trim() + "' is not (p1||p2||…)");
                List<String> group = Arrays.stream(m.group(1).split("\\|\\|")).map(String::trim).toList();
                for (String p : group) if (!names.contains(p)) throw par.error("parallel group names unknown partition '" + p + "'");
                parallel.add(group);
            }
        }
        return new Loaded(new NestcPlan(func, backends, names, assignments, logical, parallel), warnings);
    }

    private static List<String> split(YamlNode n) throws YamlException {
        List<String> out = new ArrayList<>();
        for (String s : n.text().split(":")) {
            String t = s.trim();
            if (t.isEmpty()) throw n.error("empty entry in '" + abbreviate(n.text()) + "'");
            out.add(t);
        }
        return out;
    }

    /** The file text, laid out as NEST-C writes it. */
    public static String write(NestcPlan p) throws StudioException {
        check("funcName", p.funcName(), false);
        for (String b : p.backendNames()) check("backend", b, true);
        for (String n : p.partitionNames()) check("partition", n, false);
        StringBuilder s = new StringBuilder("---\n");
        s.append("funcName: ").append(p.funcName()).append('\n');
        s.append("numOfPartitions: ").append(p.numOfPartitions()).append('\n');
        s.append("backendNames: ").append(String.join(":", p.backendNames())).append('\n');
        s.append("partitionNames: ").append(String.join(":", p.partitionNames())).append('\n');
        if (!p.nodeToPartition().isEmpty()) {
            s.append("nodeToPartition: ");
            boolean first = true;
            for (NestcPlan.Assignment a : p.nodeToPartition()) {
                check("node", a.node(), false);
                if (!first) s.append("  :");
                s.append(a.node()).append('-').append(a.partition()).append('\n');
                first = false;
            }
        }
        s.append("logicalIDs: ").append(String.join(":", p.logicalIds())).append('\n');
        if (!p.parallelPartitions().isEmpty()) {
            List<String> groups = new ArrayList<>();
            for (List<String> g : p.parallelPartitions()) groups.add("(" + String.join("||", g) + ")");
            s.append("parallelPartitions: ").append(String.join(":", groups)).append('\n');
        }
        return s.append("...\n").toString();
    }

    private static void check(String what, String name, boolean dashAllowed) throws StudioException {
        String problem = null;
        if (name.isEmpty()) problem = "an empty " + what + " name cannot be written";
        else if (name.indexOf(':') >= 0) problem = "contains ':', which NEST-C uses to join list entries";
        else if (!dashAllowed && name.indexOf('-') >= 0 && what.equals("node")) problem = "contains '-', which NEST-C uses before the partition index";
        else if (!dashAllowed && name.indexOf('-') >= 0 && what.equals("partition")) problem = "contains '-', which NEST-C reads as a separator";
        else if (what.equals("node") ? UNSAFE_NODE.matcher(name).find() : UNSAFE.matcher(name).find()) {
            problem = what.equals("node") ? "starts or ends with a space, has two spaces in a row, or has a character that YAML would not read back as plain text"
                    : "contains a space or a character that YAML would not read back as plain text";
        }
        if (problem != null) throw new StudioException("NEST-C plan", "", what + " '" + name + "' cannot be written: " + problem);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "…";
    }
}
