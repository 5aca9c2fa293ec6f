package org.npustudio.app.ui.lesson;

import java.util.HashMap;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import org.npustudio.app.lesson.Lesson;
import org.npustudio.app.lesson.Step;
import org.npustudio.app.lesson.StepResult;

/** The lesson's steps in order, each marked done (all its checks pass), not yet, or to do, with its points. */
final class StepList extends ListView<Step> {
    private final Map<String, StepResult> results = new HashMap<>();

    StepList(Lesson lesson) {
        super(FXCollections.observableArrayList(lesson.steps()));
        setId("lesson-steps");
        getStyleClass().add("lesson-steps");
        setCellFactory(l -> new ListCell<>() {
            {
                setPrefWidth(0); // long titles end in an ellipsis instead of scrolling the list sideways
            }

            @Override
            protected void updateItem(Step s, boolean empty) {
                super.updateItem(s, empty);
                getStyleClass().removeAll("lesson-step-done", "lesson-step-failed");
                if (empty || s == null) {
                    setText(null);
                    return;
                }
                StepResult r = results.get(s.id());
                String mark = r == null || r.checks().isEmpty() ? "\u25CB" : r.passed() ? "\u2714" : "\u2718";
                if (r != null && !r.checks().isEmpty()) getStyleClass().add(r.passed() ? "lesson-step-done" : "lesson-step-failed");
                String points = s.points() == 0 ? "" : "   " + (r == null ? 0 : r.earned()) + "/" + s.points();
                setText(mark + "  " + (getIndex() + 1) + ". " + s.title() + points);
            }
        });
    }

    /** Records a step's latest result and redraws its row. */
    void put(StepResult r) {
        results.put(r.step().id(), r);
        refresh();
    }

    StepResult result(String stepId) { return results.get(stepId); }

    /** Points earned over the latest results. */
    int earned() { return results.values().stream().mapToInt(StepResult::earned).sum(); }
}
