package org.npustudio.partition.editor.ui;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.npustudio.export.SanityChecker;

/** The sanity check's outcome: per model output, the largest absolute and relative difference and whether the bits agree. */
final class CheckReportDialog {
    private CheckReportDialog() {}

    static String summary(SanityChecker.Report r) {
        return (r.identical() ? "Identical: " : "DIFFERENT: ") + r.partitions() + " chained partitions vs the whole model, "
                + r.outputs().size() + (r.outputs().size() == 1 ? " output" : " outputs") + ", " + r.millis() + " ms in ONNX Runtime";
    }

    /** @param randomInputs one line per made-up input ({@link SanityChecker#randomInputs}) */
    static Alert show(Node owner, SanityChecker.Report r, List<String> randomInputs) {
        TableView<SanityChecker.OutputDiff> table = new TableView<>();
        table.setId("check-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                Columns.<SanityChecker.OutputDiff>text("Output", 160, SanityChecker.OutputDiff::name),
                Columns.number("Max abs diff", 110, d -> String.format("%.3g", d.maxAbs())),
                Columns.number("Max rel diff", 110, d -> String.format("%.3g", d.maxRel())),
                Columns.text("Identical", 80, d -> d.identical() ? "yes" : "no")));
        table.getItems().setAll(r.outputs());
        table.setPrefHeight(60 + 26 * Math.min(8, r.outputs().size()));
        Label head = new Label(summary(r));
        head.setId("check-summary");
        head.setWrapText(true);
        Label how = new Label("Seeded random inputs (seed " + PlanActions.CHECK_SEED + "): " + String.join("; ", randomInputs)
                + ". Graph optimisations off, one thread.");
        how.setWrapText(true);
        how.getStyleClass().add("check-note");
        Alert a = new Alert(r.identical() ? Alert.AlertType.INFORMATION : Alert.AlertType.WARNING, "", ButtonType.OK);
        a.initOwner(Dialogs.owner(owner));
        a.initModality(javafx.stage.Modality.NONE);
        a.setTitle("NPU Studio");
        a.setHeaderText("Check with ONNX Runtime");
        a.getDialogPane().setId("check-dialog");
        a.getDialogPane().setContent(new VBox(8, head, table, how));
        a.getDialogPane().setMinWidth(560);
        a.show();
        return a;
    }
}
