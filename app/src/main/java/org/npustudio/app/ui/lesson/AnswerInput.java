package org.npustudio.app.ui.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.npustudio.app.lesson.Answer;
import org.npustudio.app.lesson.Numbers;
import org.npustudio.app.lesson.Prediction;
import org.npustudio.app.lesson.Question;
import org.npustudio.app.lesson.Reveal;
import org.npustudio.app.lesson.Step;

/**
 * The input of a choice, numeric or predict step. Choice: radio buttons (check boxes when several options
 * may be right) and Submit. Numeric: a number and Submit. Predict: a number and "Commit prediction": once
 * committed the field is locked and the computed answer, the gap and whether it scores are shown.
 * Numbers may be typed with thousands separators ({@code 240,000}).
 */
final class AnswerInput extends VBox {
    /** What the pane does with an input. */
    interface Actions {
        void answer(String value);

        void predict(double value);
    }

    private final Step step;
    private final Actions actions;
    private final List<ButtonBase> options = new ArrayList<>();
    private final TextField number = new TextField();
    private final Button submit = new Button();
    private final Label reveal = new Label();
    private final Label error = new Label();

    AnswerInput(Step step, Answer recorded, Prediction prediction, Actions actions) {
        super(6);
        this.step = step;
        this.actions = actions;
        setId("lesson-input");
        getStyleClass().add("lesson-input");
        error.setId("lesson-input-error");
        error.getStyleClass().add("lesson-error");
        error.setWrapText(true);
        error.setManaged(false);
        reveal.setId("lesson-reveal");
        reveal.getStyleClass().add("lesson-reveal");
        reveal.setWrapText(true);
        reveal.setManaged(false);
        reveal.setVisible(false);
        submit.setDefaultButton(false);
        if (step.question() instanceof Question.Choice c) choice(c, recorded);
        else if (step.question() instanceof Question.Numeric n) numeric(n.unit(), recorded);
        else if (step.question() instanceof Question.Predict p) predict(p, prediction);
        getChildren().addAll(error, reveal);
    }

    private void choice(Question.Choice c, Answer recorded) {
        ToggleGroup group = new ToggleGroup();
        List<String> chosen = recorded == null ? List.of() : recorded.values();
        for (Question.Option o : c.options()) {
            ButtonBase b;
            if (c.multiple()) {
                CheckBox box = new CheckBox(o.text());
                box.setSelected(chosen.contains(o.id()));
                b = box;
            } else {
                RadioButton r = new RadioButton(o.text());
                r.setToggleGroup(group);
                r.setSelected(chosen.contains(o.id()));
                b = r;
            }
            b.setId("lesson-option-" + o.id());
            b.setUserData(o.id());
            b.getStyleClass().add("lesson-option");
            ((javafx.scene.control.Labeled) b).setWrapText(true);
            options.add(b);
            getChildren().add(b);
        }
        submit.setText("Submit answer");
        submit.setId("lesson-submit");
        submit.setOnAction(e -> {
            String value = String.join(",", options.stream().filter(AnswerInput::selected).map(b -> (String) b.getUserData()).toList());
            if (value.isEmpty()) fail(c.multiple() ? "Choose one or more options." : "Choose an option.");
            else send(() -> actions.answer(value));
        });
        getChildren().add(submit);
    }

    private void numeric(String unit, Answer recorded) {
        number.setId("lesson-answer");
        number.setPromptText("your answer");
        if (recorded != null && !recorded.values().isEmpty()) number.setText(recorded.values().get(0));
        submit.setText("Submit answer");
        submit.setId("lesson-submit");
        number.setOnAction(e -> submit.fire());
        submit.setOnAction(e -> parse().ifPresent(v -> send(() -> actions.answer(Numbers.format(v)))));
        getChildren().add(row(number, unit, submit));
    }

    private void predict(Question.Predict p, Prediction prediction) {
        number.setId("lesson-prediction");
        number.setPromptText("your prediction");
        submit.setText("Commit prediction");
        submit.setId("lesson-commit");
        number.setOnAction(e -> submit.fire());
        submit.setOnAction(e -> parse().ifPresent(v -> send(() -> actions.predict(v))));
        getChildren().add(row(number, p.unit(), submit));
        Label note = new Label("Commit first: the answer is computed from your work only then (tolerance " + p.tolerance() + ").");
        note.getStyleClass().add("lesson-muted");
        note.setWrapText(true);
        getChildren().add(note);
        if (prediction != null) {
            number.setText(Numbers.format(prediction.value()));
            if (prediction.revealed() != null) {
                lock();
                showReveal(prediction.value(), prediction.revealed(), p.tolerance().accepts(prediction.revealed(), prediction.value()), p.unit(),
                        p.measure().describe());
            }
        }
    }

    /** Shows what a committed prediction revealed and locks the input. */
    void showReveal(Reveal r) {
        lock();
        showReveal(r.predicted(), r.answer(), r.within(), r.unit(), r.measured());
    }

    private void showReveal(double predicted, double answer, boolean within, String unit, String measured) {
        String u = unit == null || unit.isEmpty() ? "" : " " + unit;
        double gap = answer - predicted;
        String rel = answer == 0 ? "" : String.format(Locale.ROOT, " (%+.1f %%)", 100 * gap / Math.abs(answer));
        reveal.setText("Computed: " + display(answer) + u + " \u2014 " + measured + "\nYour prediction: " + display(predicted) + u
                + " \u00B7 gap " + (gap > 0 ? "+" : "") + display(gap) + rel + "\n" + (within ? "\u2714 within the tolerance" : "\u2718 outside the tolerance"));
        reveal.getStyleClass().removeAll("lesson-check-pass", "lesson-check-fail");
        reveal.getStyleClass().add(within ? "lesson-check-pass" : "lesson-check-fail");
        reveal.setVisible(true);
        reveal.setManaged(true);
    }

    /** Whole numbers with thousands separators (240,000), others as the engine writes them. */
    static String display(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%,d", (long) v) : Numbers.format(v);
    }

    /** A one-line problem (e.g. the value was refused). */
    void fail(String message) {
        error.setText(message);
        error.setManaged(true);
        error.setVisible(true);
    }

    private void send(Runnable action) {
        error.setText("");
        error.setManaged(false);
        action.run();
    }

    private void lock() {
        number.setDisable(true);
        submit.setDisable(true);
    }

    private java.util.Optional<Double> parse() {
        String t = number.getText() == null ? "" : number.getText().replaceAll("[,_\\s\u00A0\u202F]", "");
        try {
            double v = Double.parseDouble(t);
            if (Double.isFinite(v)) return java.util.Optional.of(v);
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        fail("'" + number.getText() + "' is not a number.");
        return java.util.Optional.empty();
    }

    private static HBox row(TextField field, String unit, Button button) {
        HBox.setHgrow(field, Priority.ALWAYS);
        field.setPrefColumnCount(8);
        Label u = new Label(unit == null ? "" : unit);
        u.getStyleClass().add("lesson-muted");
        // The field gives way when the pane is narrow (large presenter type); the unit and the button keep their text.
        u.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox row = new HBox(6, field, u, button);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static boolean selected(ButtonBase b) {
        return b instanceof CheckBox c ? c.isSelected() : b instanceof Toggle t && t.isSelected();
    }

    Step step() { return step; }
}
