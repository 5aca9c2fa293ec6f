package org.npustudio.plan.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.plan.PlanComments;
import org.yaml.snakeyaml.comments.CommentLine;
import org.yaml.snakeyaml.comments.CommentType;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.CollectionNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Moves comments between a SnakeYAML node tree and {@link PlanComments}. Both directions walk the tree
 * the same way and name each place by meaning — mapping keys by key, list items by their {@code name}
 * or {@code id} (or scalar value) — so a comment returns to the same device, partition or field even when
 * the plan was edited in between. SnakeYAML keeps comments on a key ("above") and after a value
 * ("inline"); the document's trailing comments are kept under {@value #END}.
 */
final class CommentPaths {
    static final String END = "$end";

    private CommentPaths() {}

    static PlanComments capture(Node root) {
        Map<String, PlanComments.Comment> out = new LinkedHashMap<>();
        walk(root, "", (path, key, value) -> {
            PlanComments.Comment c = new PlanComments.Comment(texts(key == null ? null : key.getBlockComments()),
                    String.join(" ", texts(value.getInLineComments())));
            if (key == null && c.isEmpty()) c = new PlanComments.Comment(texts(value.getBlockComments()), "");
            if (!c.isEmpty()) out.put(path, c);
        });
        if (root != null && root.getEndComments() != null && !root.getEndComments().isEmpty()) {
            out.put(END, new PlanComments.Comment(texts(root.getEndComments()), ""));
        }
        return new PlanComments(out);
    }

    static void attach(Node root, PlanComments comments) {
        if (comments.isEmpty()) return;
        walk(root, "", (path, key, value) -> {
            PlanComments.Comment c = comments.get(path);
            if (c == null) return;
            Node above = key != null ? key : value;
            if (!c.above().isEmpty()) above.setBlockComments(lines(c.above(), CommentType.BLOCK));
            if (!c.inline().isEmpty() && (value instanceof ScalarNode || key != null)) {
                value.setInLineComments(lines(List.of(c.inline()), CommentType.IN_LINE));
            }
        });
        PlanComments.Comment end = comments.get(END);
        if (end != null) root.setEndComments(lines(end.above(), CommentType.BLOCK));        blockWhereCommented(root);
    }

    /**
     * SnakeYAML cannot write a comment above a flow collection in a list, nor inside one ("- # text" then "[...]"
     * at column 0; "[ # text" then the items): neither reads back. A flow collection that is, or holds, a commented
     * node is written in block style instead. Returns whether {@code n} carries block comments itself.
     */
    private static boolean blockWhereCommented(Node n) {
        boolean self = n.getBlockComments() != null && !n.getBlockComments().isEmpty();
        boolean inside = false;
        if (n instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) inside |= blockWhereCommented(t.getKeyNode()) | blockWhereCommented(t.getValueNode());
        } else if (n instanceof SequenceNode q) {
            for (Node item : q.getValue()) inside |= blockWhereCommented(item);
        }
        if ((self || inside) && n instanceof CollectionNode<?> c && c.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            c.setFlowStyle(DumperOptions.FlowStyle.BLOCK);
        }
        return self;
    }

    private interface Visitor {
        /** {@code key} is the mapping key node, or null for a list item. */
        void visit(String path, Node key, Node value);
    }

    private static void walk(Node node, String path, Visitor v) {
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode k)) continue;
                String p = join(path, k.getValue());
                v.visit(p, k, t.getValueNode());
                walk(t.getValueNode(), p, v);
            }
        } else if (node instanceof SequenceNode s) {
            List<Node> items = s.getValue();
            for (int i = 0; i < items.size(); i++) {
                Node item = items.get(i);
                String p = join(path, itemName(item, i));
                v.visit(p, null, item);
                walk(item, p, v);
            }
        }
    }

    private static String itemName(Node item, int i) {
        if (item instanceof ScalarNode s) return s.getValue();
        if (item instanceof MappingNode m) {
            for (String key : List.of("name", "id")) {
                for (NodeTuple t : m.getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key) && t.getValueNode() instanceof ScalarNode val) {
                        return val.getValue();
                    }
                }
            }
        }
        return "#" + i;
    }

    private static String join(String path, String seg) {
        return path.isEmpty() ? seg : path + "/" + seg;
    }

    private static List<String> texts(List<CommentLine> lines) {
        List<String> out = new ArrayList<>();
        if (lines == null) return out;
        for (CommentLine l : lines) {
            if (l.getCommentType() == CommentType.BLANK_LINE) out.add("");
            else out.add(l.getValue());
        }
        return out;
    }

    private static List<CommentLine> lines(List<String> texts, CommentType type) {
        List<CommentLine> out = new ArrayList<>();
        for (String t : texts) {
            out.add(new CommentLine(null, null, t, type == CommentType.BLOCK && t.isEmpty() ? CommentType.BLANK_LINE : type));
        }
        return out;
    }
}
