package org.npustudio.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Comments found when a plan file was read, keyed by what they annotate (e.g. {@code partitions/p0},
 * {@code partitions/p0/device}, {@code devices/npu0}) rather than by line, so they survive edits and are
 * written back next to the same thing. A plan built in memory has none.
 */
public record PlanComments(Map<String, Comment> byKey) {
    public static final PlanComments NONE = new PlanComments(Map.of());

    /** Whole-line comments above an entry and a comment at the end of its line. */
    public record Comment(List<String> above, String inline) {
        public Comment {
            above = List.copyOf(above == null ? List.of() : above);
            inline = inline == null ? "" : inline;
        }

        public boolean isEmpty() { return above.isEmpty() && inline.isEmpty(); }
    }

    public PlanComments {
        byKey = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byKey));
    }

    public Comment get(String key) { return byKey.get(key); }

    public boolean isEmpty() { return byKey.isEmpty(); }

    /** Same comments with every key under {@code partitions/OLD} moved to {@code partitions/NEW}. */
    public PlanComments renamePartition(String oldName, String newName) {
        String from = "partitions/" + oldName;
        String to = "partitions/" + newName;
        Map<String, Comment> out = new LinkedHashMap<>();
        for (Map.Entry<String, Comment> e : byKey.entrySet()) {
            String k = e.getKey();
            if (k.equals(from)) k = to;
            else if (k.startsWith(from + "/")) k = to + k.substring(from.length());
            out.put(k, e.getValue());
        }
        return new PlanComments(out);
    }
}
