package org.npustudio.partition.editor.ui;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/** The main window's "Partition" menu; every item acts on the open model's partition tab (opening it first). */
public final class PartitionMenu {
    private PartitionMenu() {}

    /** @param tab the open model's partition tab, or null when no model is open (the items are then disabled) */
    public static Menu create(Supplier<PartitionTab> tab) {
        Menu m = new Menu("Partition");
        m.setId("menu-partition");
        m.getItems().addAll(
                item(tab, "New Plan", "menu-partition-new", ws -> ws.document().newPlan()),
                item(tab, "Open Plan…", "menu-partition-open", ws -> ws.document().open()),
                item(tab, "Save Plan", "menu-partition-save", ws -> ws.document().save()),
                item(tab, "Save Plan As…", "menu-partition-save-as", ws -> ws.document().saveAs()),
                item(tab, "Export NEST-C Plan…", "menu-partition-nestc", ws -> ws.document().exportNestc()),
                new SeparatorMenuItem(),
                precisionMenu(tab),
                new SeparatorMenuItem(),
                item(tab, "Auto-partition", "menu-partition-auto", ws -> ws.actions().autoPartition()),
                item(tab, "Auto-partition with Devices File…", "menu-partition-auto-file", ws -> ws.actions().autoPartitionWithDevicesFile()),
                item(tab, "Optimise Plan…", "menu-partition-optimise", ws -> ws.actions().optimise()),
                item(tab, "Export Partitions…", "menu-partition-export", ws -> ws.actions().exportPartitions()),
                item(tab, "Check with ONNX Runtime…", "menu-partition-check", ws -> ws.actions().check()));
        m.setOnShowing(e -> {
            boolean none = tab.get() == null;
            m.getItems().forEach(i -> i.setDisable(none));
        });
        return m;
    }

    /** "Precision of Selection": each precision, then back to the partition's (docs/partition-editor.md). */
    private static Menu precisionMenu(Supplier<PartitionTab> tab) {
        Menu m = new Menu("Precision of Selection");
        m.setId("menu-partition-precision");
        for (org.npustudio.plan.Precision p : org.npustudio.plan.Precision.values()) {
            m.getItems().add(item(tab, p.key(), "menu-precision-" + p.key(), ws -> ws.assignPrecisionToSelection(p.key())));
        }
        m.getItems().add(item(tab, "Partition's Precision", "menu-precision-clear", ws -> ws.assignPrecisionToSelection("")));
        return m;
    }

    private static MenuItem item(Supplier<PartitionTab> tab, String text, String id, Consumer<PartitionWorkspace> action) {
        MenuItem i = new MenuItem(text);
        i.setId(id);
        i.setOnAction(e -> {
            PartitionTab t = tab.get();
            if (t != null) t.whenReady(action);
        });
        return i;
    }
}
