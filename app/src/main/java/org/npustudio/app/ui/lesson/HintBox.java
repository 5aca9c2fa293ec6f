package org.npustudio.app.ui.lesson;

import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.npustudio.app.lesson.Hint;

/**
 * A step's hints: the ones already shown (recorded in the workspace), a button for the next one when it is
 * unlocked, and when the next one is still locked how many more failed checks unlock it.
 */
final class HintBox extends VBox {
    private final Button next = new Button();
    private final Label locked = new Label();
    private final VBox shown = new VBox(4);

    HintBox(Runnable onShowNext) {
        super(6);
        setId("lesson-hints");
        getStyleClass().add("lesson-hints");
        next.setId("lesson-hint");
        next.setOnAction(e -> onShowNext.run());
        locked.setId("lesson-hint-locked");
        locked.getStyleClass().add("lesson-muted");
        locked.setWrapText(true);
        getChildren().addAll(shown, next, locked);
    }

    /**
     * @param all       every hint of the step
     * @param shownCount how many were shown so far
     * @param failures  failed check runs of the step so far
     */
    void show(List<Hint> all, int shownCount, int failures) {
        shown.getChildren().clear();
        for (int i = 0; i < shownCount && i < all.size(); i++) {
            Label l = new Label("Hint " + (i + 1) + ": " + all.get(i).text());
            l.setId("lesson-hint-" + (i + 1));
            l.getStyleClass().add("lesson-hint-text");
            l.setWrapText(true);
            shown.getChildren().add(l);
        }
        boolean more = shownCount < all.size();
        Hint upcoming = more ? all.get(shownCount) : null;
        boolean unlocked = upcoming != null && upcoming.afterFailures() <= failures;
        setVisible(!all.isEmpty());
        setManaged(!all.isEmpty());
        next.setVisible(more);
        next.setManaged(more);
        next.setDisable(!unlocked);
        next.setText("Show hint " + (shownCount + 1) + " of " + all.size());
        int missing = upcoming == null ? 0 : upcoming.afterFailures() - failures;
        locked.setText(missing > 0 ? "The next hint unlocks after " + missing + " more failed check" + (missing == 1 ? "" : "s") + "." : "");
        locked.setVisible(missing > 0);
        locked.setManaged(missing > 0);
    }
}
