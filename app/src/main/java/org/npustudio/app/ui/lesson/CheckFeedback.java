package org.npustudio.app.ui.lesson;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.npustudio.app.lesson.CheckResult;
import org.npustudio.app.lesson.StepResult;

/**
 * A step's evaluated checks: one row per visible check (passed or not, the description or the teacher's
 * message with what was found, points), and the hidden ones summed up in one line without their messages.
 */
final class CheckFeedback extends VBox {
    CheckFeedback() {
        super(4);
        setId("lesson-feedback");
        getStyleClass().add("lesson-feedback");
    }

    void clear() { getChildren().clear(); }

    /** An error that kept the checks from running (one line). */
    void problem(String message) {
        Label l = new Label(message);
        l.setId("lesson-problem");
        l.getStyleClass().addAll("lesson-check-row", "lesson-check-fail");
        l.setWrapText(true);
        getChildren().setAll(l);
    }

    void show(StepResult r) {
        getChildren().clear();
        if (r.checks().isEmpty()) return;
        Label total = new Label((r.passed() ? "\u2714 All checks pass" : "\u2718 Not yet") + " \u00B7 " + r.earned() + " / " + r.possible() + " points");
        total.setId("lesson-result");
        total.getStyleClass().addAll("lesson-result", r.passed() ? "lesson-check-pass" : "lesson-check-fail");
        getChildren().add(total);
        int hidden = 0, hiddenEarned = 0, hiddenPossible = 0;
        for (CheckResult c : r.checks()) {
            if (c.check().hidden()) {
                hidden++;
                hiddenEarned += c.earned();
                hiddenPossible += c.possible();
                continue;
            }
            getChildren().add(row(c));
        }
        if (hidden > 0) {
            Label h = new Label(hiddenLine(hidden, hiddenEarned, hiddenPossible));
            h.setId("lesson-hidden");
            h.getStyleClass().addAll("lesson-hidden", hiddenEarned == hiddenPossible ? "lesson-check-pass" : "lesson-check-fail");
            getChildren().add(h);
        }
    }

    /** "2 hidden checks: 1/3 points". */
    static String hiddenLine(int count, int earned, int possible) {
        return count + " hidden check" + (count == 1 ? "" : "s") + ": " + earned + "/" + possible + " points";
    }

    private static HBox row(CheckResult c) {
        Label mark = new Label(c.passed() ? "\u2714" : "\u2718");
        mark.getStyleClass().add("lesson-check-mark");
        Label text = new Label(c.studentMessage());
        text.setId("lesson-check-" + c.check().index());
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Label points = new Label(c.earned() + "/" + c.possible());
        points.getStyleClass().add("lesson-check-points");
        HBox row = new HBox(6, mark, text, points);
        row.setAlignment(Pos.TOP_LEFT);
        row.getStyleClass().addAll("lesson-check-row", c.passed() ? "lesson-check-pass" : "lesson-check-fail");
        return row;
    }

    /** The texts of the visible rows, in order (for tests and the notes window). */
    List<String> rowTexts() {
        return lookupAll(".lesson-check-row").stream().map(n -> n instanceof HBox h ? ((Label) h.getChildren().get(1)).getText()
                : ((Label) n).getText()).toList();
    }
}
