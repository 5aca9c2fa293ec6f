package org.npustudio.partition.editor.ui;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.npustudio.graphview.ui.Buttons;
import org.npustudio.plan.Device;

/** The plan's devices with what they can run; buttons load another device list or the built-in one. */
final class DeviceList extends VBox {
    DeviceList(PartitionSession session, Runnable loadDevices, Runnable builtIn) {
        setId("device-panel");
        TableView<Device> table = new TableView<>();
        table.setId("device-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                Columns.<Device>text("Device", 90, Device::name),
                Columns.text("Kind", 50, d -> d.kind().yamlName()),
                Columns.text("Index", 50, d -> String.valueOf(d.index())),
                Columns.text("Backend", 70, d -> d.backend().isEmpty() ? "—" : d.backend()),
                Columns.text("Runs", 200, DeviceList::ops),
                Columns.text("Precisions", 120, d -> d.precisions().isEmpty() ? "any" : String.join(", ", d.precisions())),
                Columns.text("Role", 100, d -> d.name().equals(session.plan().rest().device()) ? "default (catch-all)" : "")));
        VBox.setVgrow(table, Priority.ALWAYS);
        Button load = Buttons.of("Load devices…", "devices-load",
                "Replace the devices with an NPU Studio devices file or a Glow/NEST-C device config", loadDevices);
        Button builtin = Buttons.of("Built-in NPU + CPU", "devices-builtin", "Back to the built-in edge NPU and host CPU", builtIn);
        HBox bar = new HBox(6, load, builtin);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 6, 4, 6));
        getChildren().addAll(table, bar);
        Runnable refresh = () -> table.getItems().setAll(session.plan().devices());
        session.revisionProperty().addListener((o, was, now) -> refresh.run());
        refresh.run();
    }

    private static String ops(Device d) {
        if (d.supportedOps().isEmpty()) {
            return d.unsupportedOps().isEmpty() ? "every op" : "every op but " + String.join(", ", d.unsupportedOps());
        }
        return d.supportedOps().size() + " op types: " + String.join(", ", d.supportedOps());
    }
}
