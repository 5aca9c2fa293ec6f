package org.npustudio.graphview.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;
import org.npustudio.ir.TypeInfo;

/**
 * The text of a node box as the graph view draws it (Netron style): the operator type as a bold title,
 * then optional lines for the node name, key attributes and the output shape. Knows its own size.
 *
 * @param title  first, bold line
 * @param lines  further lines in body font
 */
public record NodeLabel(String title, List<String> lines) {
    /** Horizontal and vertical padding inside a node box, and the narrowest box. */
    public static final double PAD_X = 8;
    public static final double PAD_Y = 5;
    public static final double MIN_WIDTH = 40;
    private static final int MAX_CHARS = 36;

    /** Which optional lines to show. */
    public record Content(boolean name, boolean attributes, boolean shape, int maxAttributes) {
        public static Content standard() { return new Content(false, true, true, 2); }

        public static Content full() { return new Content(true, true, true, 4); }
    }

    /** Attributes worth a line, most telling first; others follow in file order when room is left. */
    private static final List<String> KEY_ATTRIBUTES = List.of("kernel_shape", "strides", "group", "axis", "perm", "dilations", "pads");

    public NodeLabel {
        lines = List.copyOf(lines);
    }

    public static NodeLabel of(String title, String... lines) { return new NodeLabel(title, List.of(lines)); }

    public static NodeLabel forNode(Node node, Graph graph, Content content) {
        List<String> lines = new ArrayList<>();
        if (content.name() && !node.name().isEmpty()) lines.add(clip(node.name()));
        if (content.attributes()) {
            Map<String, Attribute> attrs = node.attributes();
            List<String> names = new ArrayList<>();
            for (String k : KEY_ATTRIBUTES) if (attrs.containsKey(k)) names.add(k);
            for (String k : attrs.keySet()) if (!names.contains(k)) names.add(k);
            for (int i = 0; i < Math.min(content.maxAttributes(), names.size()); i++) {
                Attribute a = attrs.get(names.get(i));
                lines.add(clip(a.name() + " " + compact(a)));
            }
        }
        if (content.shape() && !node.outputs().isEmpty()) {
            String shape = shapeText(graph, node.outputs().get(0));
            if (shape != null) lines.add(shape);
        }
        return new NodeLabel(node.opType(), lines);
    }

    /** Shape of a value as 1×64×56×56, or null when unknown. */
    public static String shapeText(Graph graph, String value) {
        TypeInfo t = value.isEmpty() ? null : graph.typeOf(value);
        if (!(t instanceof TypeInfo.TensorType tt) || tt.shape() == null) return null;
        String s = tt.shape().toString();
        return s.substring(1, s.length() - 1).replace(",", "×");
    }

    private static String compact(Attribute a) {
        String d = a.display();
        return switch (a.kind()) {
            case INTS -> d.substring(1, d.length() - 1).replace(", ", "×");
            default -> d;
        };
    }

    private static String clip(String s) {
        return s.length() <= MAX_CHARS ? s : s.substring(0, MAX_CHARS - 1) + "…";
    }

    public double width(LabelMetrics m) {
        double w = m.titleWidth(title);
        for (String l : lines) w = Math.max(w, m.bodyWidth(l));
        return Math.max(MIN_WIDTH, Math.ceil(w + 2 * PAD_X));
    }

    public double height(LabelMetrics m) {
        return Math.ceil(2 * PAD_Y + m.titleLineHeight() + lines.size() * m.bodyLineHeight());
    }
}
