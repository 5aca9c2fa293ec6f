package org.npustudio.app.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.npustudio.error.StudioException;

/** Shows a user-facing problem as a dialog with its one-line message (never a stack trace). */
public final class ErrorDialog {
    private ErrorDialog() {}

    /** The one-line text to show for a failure; never a stack trace. */
    public static String oneLine(Throwable failure) {
        if (failure instanceof StudioException s) return s.oneLine();
        if (failure instanceof OutOfMemoryError) return "out of memory; give Java more heap (-Xmx)";
        String m = String.valueOf(failure.getMessage());
        return "internal error: " + failure.getClass().getSimpleName() + ": " + m.replace('\n', ' ');
    }

    public static Alert show(Window owner, String header, String oneLine) {
        Alert a = new Alert(Alert.AlertType.ERROR, oneLine, ButtonType.OK);
        a.initOwner(owner);
        a.setTitle("NPU Studio");
        a.setHeaderText(header);
        a.getDialogPane().setId("error-dialog");
        a.getDialogPane().setMinWidth(520);
        a.show();
        return a;
    }
}
