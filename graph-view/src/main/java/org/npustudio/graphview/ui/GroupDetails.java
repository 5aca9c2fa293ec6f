package org.npustudio.graphview.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.analysis.OpCost;
import org.npustudio.analysis.OpCostModel;
import org.npustudio.analysis.Quantities;
import org.npustudio.graphview.scene.GroupContent;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;

/** Inspector rows for a collapsed group: its scope, how many ops of each type it hides and their summed cost. */
final class GroupDetails {
    private GroupDetails() {}

    static List<InspectorRow> rows(GroupContent c, Graph graph, OpCostModel costs) {
        List<InspectorRow> rows = new ArrayList<>();
        rows.add(InspectorRow.section("Group"));
        rows.add(InspectorRow.of("scope", c.path()));
        rows.add(InspectorRow.of("operators", String.valueOf(c.operatorCount())));
        rows.add(InspectorRow.of("expand", "double-click, Enter or the + toggle"));
        if (graph == null) return rows;
        Map<String, Integer> ops = new LinkedHashMap<>();
        long macs = 0, params = 0, paramBytes = 0;
        boolean macsKnown = true;
        for (String key : c.memberKeys()) {
            Node n = graph.nodeById(key);
            if (n == null) continue;
            ops.merge(n.opType(), 1, Integer::sum);
            OpCost cost = costs.cost(n);
            if (cost.macs().isPresent()) macs += cost.macs().getAsLong();
            else macsKnown = false;
            params += cost.params();
            paramBytes += cost.paramBytes();
        }
        rows.add(InspectorRow.section("Operators"));
        ops.entrySet().stream().sorted((a, b) -> Integer.compare(b.getValue(), a.getValue()))
                .forEach(e -> rows.add(InspectorRow.of(e.getKey(), String.valueOf(e.getValue()))));
        rows.add(InspectorRow.section("Cost"));
        rows.add(InspectorRow.of("MACs", Quantities.grouped(macs) + (macsKnown ? "" : " (known part)")));
        rows.add(InspectorRow.of("parameters", Quantities.grouped(params)));
        rows.add(InspectorRow.of("parameter bytes", Quantities.bytes(paramBytes)));
        return rows;
    }
}
