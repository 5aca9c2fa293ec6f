package org.npustudio.app.ui.diff;

import java.util.ArrayList;
import java.util.List;
import org.npustudio.diff.Change;
import org.npustudio.diff.NodeDiff;
import org.npustudio.graphview.diff.DiffPalette;
import org.npustudio.graphview.ui.InspectorRow;

/** The "Diff" section the inspector shows above a node's properties: its state and every change as old → new. */
final class DiffInspectorRows {
    private DiffInspectorRows() {}

    static List<InspectorRow> of(NodeDiff d) {
        if (d == null) return List.of();
        List<InspectorRow> rows = new ArrayList<>();
        rows.add(new InspectorRow("Diff", "", true));
        rows.add(new InspectorRow("state", DiffPalette.label(d.state()), false));
        switch (d.state()) {
            case CHANGED -> {
                if (!d.newId().equals(d.oldId())) rows.add(new InspectorRow("was", d.oldId(), false));
                for (Change c : d.changes()) rows.add(new InspectorRow(c.key(), arrow(c.before(), c.after()), false));
            }
            case NEW -> {
                if (!d.related().isEmpty()) rows.add(new InspectorRow("replaces", String.join(", ", d.related()), false));
            }
            case DELETED -> {
                if (!d.related().isEmpty()) rows.add(new InspectorRow("replaced by", String.join(", ", d.related()), false));
            }
            case SAME -> {
                if (!d.newId().equals(d.oldId())) rows.add(new InspectorRow("was", d.oldId(), false));
            }
        }
        return rows;
    }

    private static String arrow(String before, String after) {
        return (before.isEmpty() ? "(none)" : before) + " \u2192 " + (after.isEmpty() ? "(none)" : after);
    }
}
