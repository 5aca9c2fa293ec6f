package org.npustudio.partition.editor.ui;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Modality;
import javafx.stage.Window;

/** Message boxes of the partition editor: one-line problems, never a stack trace. */
final class Dialogs {
    private Dialogs() {}

    static Window owner(Node n) {
        return n == null || n.getScene() == null ? null : n.getScene().getWindow();
    }

    static Alert error(Node owner, String header, String oneLine) {
        return show(Alert.AlertType.ERROR, owner, header, oneLine, "partition-error-dialog", Modality.APPLICATION_MODAL);
    }

    /** A report that does not block the window (the user may keep editing with it open). */
    static Alert info(Node owner, String header, String text) {
        return show(Alert.AlertType.INFORMATION, owner, header, text, "partition-info-dialog", Modality.NONE);
    }

    private static Alert show(Alert.AlertType type, Node owner, String header, String text, String id, Modality modality) {
        Alert a = new Alert(type, text, ButtonType.OK);
        a.initOwner(owner(owner));
        a.initModality(modality);
        a.setTitle("NPU Studio");
        a.setHeaderText(header);
        a.getDialogPane().setId(id);
        a.getDialogPane().setMinWidth(520);
        a.show();
        return a;
    }
}
