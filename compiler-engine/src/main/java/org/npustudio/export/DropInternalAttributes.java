package org.npustudio.export;

import java.util.List;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.legalize.LegalizationRule;

/**
 * Removes attributes whose names start with {@code npustudio.} from nodes of standard ONNX domains:
 * NPU Studio may annotate nodes for its own use, but the ONNX checker and runtimes refuse attributes an
 * operator does not define.
 */
final class DropInternalAttributes implements LegalizationRule {
    static final String PREFIX = "npustudio.";

    @Override public String name() { return "drop-internal-attributes"; }

    @Override
    public String description() {
        return "removes attributes named npustudio.* from nodes of the standard ONNX domains";
    }

    @Override
    public boolean appliesTo(Node node, Model model) {
        if (!node.domain().isEmpty() && !node.domain().equals("ai.onnx")) return false;
        for (String a : node.attributes().keySet()) if (a.startsWith(PREFIX)) return true;
        return false;
    }

    @Override
    public void rewrite(Node node, Graph graph, Model model) {
        for (String a : List.copyOf(node.attributes().keySet())) if (a.startsWith(PREFIX)) node.removeAttribute(a);
    }
}
