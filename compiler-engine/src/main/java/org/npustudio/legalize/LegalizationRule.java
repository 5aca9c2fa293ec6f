package org.npustudio.legalize;

import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;

/** Rewrites one kind of construct that plain ONNX cannot hold into standard ONNX for the model's opset. */
public interface LegalizationRule {
    /** Short name shown in reports, e.g. {@code expand-fused-conv}. */
    String name();

    /** The rule in one sentence, for docs and reports. */
    String description();

    boolean appliesTo(Node node, Model model);

    /** Replaces {@code node} in {@code graph} with standard nodes; new nodes carry provenance to it. */
    void rewrite(Node node, Graph graph, Model model);
}
