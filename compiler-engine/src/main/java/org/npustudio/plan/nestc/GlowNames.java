package org.npustudio.plan.nestc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;

/**
 * Maps the node names in NEST-C plans — Glow's names after lowering, e.g. {@code resnetv10_conv0_fwd__2}
 * or {@code x:0} — back to nodes of an ONNX model, as NEST-C's own extractor does: cut the {@code __k}
 * suffix Glow adds and drop a {@code :0} output suffix. Candidates are tried from the most to the least
 * specific (whole name; without {@code :0}; cut at the last {@code __}; cut at the first {@code __}), each
 * against node names, then against output tensor names (Glow names nodes of unnamed ONNX nodes after
 * their outputs).
 */
final class GlowNames {
    private final Map<String, Node> byName = new HashMap<>();
    private final Map<String, Node> byOutput = new HashMap<>();

    GlowNames(Graph g) {
        for (Node n : g.nodes()) {
            byName.putIfAbsent(n.id(), n);
            if (!n.name().isEmpty()) byName.putIfAbsent(n.name(), n);
            for (String o : n.outputs()) if (!o.isEmpty()) byOutput.putIfAbsent(o, n);
        }
    }

    /** The node a Glow name stands for, or null. */
    Node resolve(String glowName) {
        for (String c : candidates(glowName)) {
            Node n = byName.get(c);
            if (n != null) return n;
        }
        for (String c : candidates(glowName)) {
            Node n = byOutput.get(c);
            if (n != null) return n;
        }
        return null;
    }

    static List<String> candidates(String glow) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        out.add(glow);
        String base = glow.endsWith(":0") ? glow.substring(0, glow.length() - 2) : glow;
        out.add(base);
        int last = base.lastIndexOf("__");
        if (last > 0) out.add(base.substring(0, last));
        int first = base.indexOf("__");
        if (first > 0) out.add(base.substring(0, first));
        return new ArrayList<>(out);
    }
}
