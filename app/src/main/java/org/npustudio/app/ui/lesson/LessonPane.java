package org.npustudio.app.ui.lesson;

import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.npustudio.app.lesson.Check;
import org.npustudio.app.lesson.Grade;
import org.npustudio.app.lesson.Lesson;
import org.npustudio.app.lesson.LessonSession;
import org.npustudio.app.lesson.Reveal;
import org.npustudio.app.lesson.Step;
import org.npustudio.app.lesson.StepResult;
import org.npustudio.app.lesson.StepType;
import org.npustudio.app.lesson.Workspaces;
import org.npustudio.npusim.config.NpuConfig;
import org.npustudio.npusim.config.NpuFileEdit;
import org.npustudio.profiler.ui.NpuConfigPane;
import org.npustudio.app.ui.diff.PassDiffView;

/**
 * The lesson dock beside the views: the lesson's steps with progress, the current step's text and figures,
 * its input (choice, numeric, predict — commit first, then the computed answer and the gap are shown) or,
 * for an action step, buttons to the views that do it and a Check button; the checks' feedback (visible ones
 * one by one, hidden ones summed up) and hints that unlock. Entering a step drives the views (tab, selected
 * node, zoom) and the presenter's notes. All lesson work runs off the FX thread on a {@link LessonWorker};
 * every change of progress is written to the workspace by the session.
 */
public final class LessonPane extends BorderPane {
    private final LessonSession session;
    private final LessonHost host;
    private final LessonWorker worker = new LessonWorker();
    private final StepList steps;
    private final ProgressBar progress = new ProgressBar(0);
    private final Label points = new Label();
    private final VBox body = new VBox(10);
    private final CheckFeedback feedback = new CheckFeedback();
    private final HintBox hints;
    private final Label position = new Label();
    private final ScrollPane scroll;
    private final ReadOnlyObjectWrapper<Step> current = new ReadOnlyObjectWrapper<>(this, "current");
    private AnswerInput input;
    private boolean listSync;

    public LessonPane(LessonSession session, LessonHost host) {
        this.session = session;
        this.host = host;
        this.steps = new StepList(session.lesson());
        this.hints = new HintBox(this::showNextHint);
        setId("lesson-pane");
        getStyleClass().add("lesson-pane");
        getStylesheets().add(LessonPane.class.getResource("lesson.css").toExternalForm());
        Lesson lesson = session.lesson();
        Label title = new Label(lesson.title());
        title.setId("lesson-title");
        title.getStyleClass().add("lesson-title");
        title.setWrapText(true);
        progress.setId("lesson-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        points.setId("lesson-points");
        points.getStyleClass().add("lesson-muted");
        VBox head = new VBox(4, title, progress, points);
        head.setPadding(new Insets(8, 10, 6, 10));
        head.getStyleClass().add("lesson-head");

        body.setId("lesson-body");
        body.setPadding(new Insets(10));
        body.setFillWidth(true);
        scroll = new ScrollPane(body);
        scroll.setId("lesson-scroll");
        scroll.setFitToWidth(true);
        steps.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (!listSync && now != null && now != current.get()) goTo(now);
        });
        SplitPane split = new SplitPane(steps, scroll);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        org.npustudio.graphview.ui.SplitMemory.remember(split, "lesson.steps", 0.25);

        Button previous = new Button("\u25C0 Previous");
        previous.setId("lesson-previous");
        previous.setOnAction(e -> step(-1));
        Button next = new Button("Next \u25B6");
        next.setId("lesson-next");
        next.setOnAction(e -> step(1));
        for (Button b : List.of(previous, next)) b.setFocusTraversable(false);
        position.setId("lesson-position");
        Region l = new Region(), r = new Region();
        HBox.setHgrow(l, Priority.ALWAYS);
        HBox.setHgrow(r, Priority.ALWAYS);
        HBox foot = new HBox(6, previous, l, position, r, next);
        foot.setAlignment(Pos.CENTER);
        foot.setPadding(new Insets(6, 10, 8, 10));
        foot.getStyleClass().add("lesson-foot");
        current.addListener((o, was, now) -> {
            previous.setDisable(indexOf(now) <= 0);
            next.setDisable(indexOf(now) >= lesson.steps().size() - 1);
        });

        setTop(head);
        setCenter(split);
        setBottom(foot);
        updateProgress();
    }

    /** Shows the workspace's current step and grades every step in the background for the progress display. */
    public void start() {
        show(session.currentStep());
        worker.submit(session::grade, this::showGrade, host::status);
    }

    public LessonSession session() { return session; }

    public Lesson lesson() { return session.lesson(); }

    /** The step on screen. */
    public ReadOnlyObjectProperty<Step> currentProperty() { return current.getReadOnlyProperty(); }

    public Step current() { return current.get(); }

    /** True while lesson work (a check, an answer, a save) runs. */
    public ReadOnlyBooleanProperty busyProperty() { return worker.busyProperty(); }

    public boolean isBusy() { return worker.busyProperty().get(); }

    /** The last result shown for a step, or null. */
    public StepResult result(String stepId) { return steps.result(stepId); }

    /** Moves to the next (+1) or previous (-1) step; false at either end. */
    public boolean step(int direction) {
        int i = indexOf(current.get()) + direction;
        if (i < 0 || i >= lesson().steps().size()) return false;
        goTo(lesson().steps().get(i));
        return true;
    }

    /** Goes to a step (recorded as the workspace's current step) and drives the views for it. */
    public void goTo(Step s) {
        show(s);
        worker.submit(() -> {
            session.goTo(s.id());
            return null;
        }, v -> {}, host::status);
    }

    /** Runs the current step's checks (the Check button). */
    public void check() {
        Step s = current.get();
        worker.submit(() -> session.check(s.id()), this::showResult, feedback::problem);
    }

    /**
     * Offers a pass diff view's result as the workspace's model.onnx (a button in its toolbar): compiled as
     * {@code npustudio compile} writes it, then the IDE opens it again.
     */
    public void offerSave(PassDiffView view) {
        Button save = new Button("Save as Lesson model.onnx");
        save.setId("lesson-save-model");
        save.getStyleClass().add("lesson-save-model");
        save.setDisable(view.session().pipelineResult() == null || !view.session().pipelineResult().succeeded());
        save.setOnAction(e -> {
            save.setDisable(true);
            host.status("Compiling the pipeline's result into " + session.workspace().resolve(Workspaces.MODEL) + " …");
            worker.submit(() -> WorkspaceSaves.saveCompiled(session, view.session()), w -> {
                host.status("Saved " + Workspaces.MODEL + " (" + w.nodes() + " nodes)" + (w.warning() == null ? "" : " · warning: " + w.warning()));
                view.getScene().getWindow().hide();
                host.reloadModel();
            }, message -> {
                save.setDisable(false);
                host.status("Could not save the model: " + message);
                org.npustudio.app.ui.ErrorDialog.show(view.getScene().getWindow(), "Could not save the model", message);
            });
        });
        view.addToolbarItem(save);
    }

    /** Stops the worker (the lesson is closed). */
    public void dispose() { worker.shutdown(); }

    // ---- showing a step ---------------------------------------------------------------------------------

    private void show(Step s) {
        current.set(s);
        listSync = true;
        steps.getSelectionModel().select(s);
        steps.scrollTo(Math.max(0, indexOf(s) - 2));
        listSync = false;
        int n = lesson().steps().size();
        position.setText("Step " + (indexOf(s) + 1) + " of " + n);
        Label meta = new Label(s.type().yamlName() + (s.points() == 0 ? "" : " \u00B7 " + s.points() + " point" + (s.points() == 1 ? "" : "s")));
        meta.setId("lesson-step-meta");
        meta.getStyleClass().add("lesson-muted");
        Label title = new Label(s.title());
        title.setId("lesson-step-title");
        title.getStyleClass().add("lesson-step-title");
        title.setWrapText(true);
        body.getChildren().setAll(meta, title, LessonText.render(s.text(), lesson().folder(), 380));
        input = null;
        if (s.type().answered()) {
            input = new AnswerInput(s, session.state().answers().get(s.id()), session.state().predictions().get(s.id()), new AnswerInput.Actions() {
                @Override
                public void answer(String value) { submitAnswer(s, value); }

                @Override
                public void predict(double value) { commitPrediction(s, value); }
            });
            body.getChildren().add(input);
        } else if (s.type() == StepType.ACTION) {
            body.getChildren().add(new ActionTools(s, session.workspace(), host, this::savePlan, this::saveNpu));
            Button check = new Button("Check");
            check.setId("lesson-check");
            check.setDefaultButton(false);
            check.getStyleClass().add("lesson-check-button");
            check.setOnAction(e -> check());
            check.disableProperty().bind(worker.busyProperty());
            body.getChildren().add(check);
        }
        feedback.clear();
        StepResult last = steps.result(s.id());
        if (last != null && (s.type() == StepType.ACTION || answered(s))) feedback.show(last);
        body.getChildren().addAll(feedback, hints);
        refreshHints(s);
        updateNotes(s);
        host.showView(s.view());
    }

    private boolean answered(Step s) {
        return session.state().answers().containsKey(s.id()) || session.state().predictions().containsKey(s.id());
    }

    private void submitAnswer(Step s, String value) {
        worker.submit(() -> {
            session.answer(s.id(), value);
            return session.check(s.id());
        }, this::showResult, this::inputProblem);
    }

    private void commitPrediction(Step s, double value) {
        record Revealed(Reveal reveal, StepResult result) {}
        worker.submit(() -> {
            Reveal r = session.predict(s.id(), value);
            return new Revealed(r, session.check(s.id()));
        }, v -> {
            if (current.get() == s && input != null) input.showReveal(v.reveal());
            showResult(v.result());
        }, this::inputProblem);
    }

    private void inputProblem(String message) {
        if (input != null) input.fail(message);
        else feedback.problem(message);
    }

    private void showResult(StepResult r) {
        steps.put(r);
        updateProgress();
        if (current.get() != null && current.get().id().equals(r.step().id())) {
            feedback.show(r);
            refreshHints(r.step());
            // The feedback sits below the text: bring it into view once laid out.
            javafx.application.Platform.runLater(() -> scroll.setVvalue(scroll.getVmax()));
        }
        host.status(r.step().title() + ": " + r.earned() + "/" + r.possible() + " points");
    }

    private void showGrade(Grade g) {
        for (StepResult r : g.steps()) {
            // A step not yet attempted keeps its neutral mark: only answered or action steps show a result.
            if (r.step().type() == StepType.ACTION || answered(r.step())) steps.put(r);
        }
        updateProgress();
        Step s = current.get();
        if (s != null && steps.result(s.id()) != null && feedback.getChildren().isEmpty() && (s.type() == StepType.ACTION || answered(s))) {
            feedback.show(steps.result(s.id()));
        }
    }

    private void updateProgress() {
        int possible = lesson().totalPoints(), earned = steps.earned();
        progress.setProgress(possible == 0 ? 0 : (double) earned / possible);
        points.setText(earned + " / " + possible + " points");
    }

    private void refreshHints(Step s) {
        hints.show(s.hints(), session.state().hintsShown(s.id()), session.state().failedChecks(s.id()));
    }

    private void showNextHint() {
        Step s = current.get();
        worker.submit(() -> session.showHint(s.id()), h -> {
            if (current.get() == s) refreshHints(s);
        }, host::status);
    }

    /** The partition editor's Save, into the workspace's plan.yaml; the session then reads it again. */
    void savePlan() {
        host.withPartitionEditor(ws -> {
            if (!ws.document().saveTo(session.workspace().resolve(Workspaces.PLAN))) return;
            worker.submit(() -> {
                session.refresh();
                return null;
            }, v -> host.status("Saved " + Workspaces.PLAN + " into the lesson workspace"), host::status);
        });
    }

    /**
     * The profiler's edited NPU (array, dataflow, SRAM, DRAM, clock, precision) into the workspace's npu.yaml,
     * changing only those values in the file; the session then reads it again.
     */
    void saveNpu() {
        NpuConfigPane editor = host.npuEditor();
        if (editor == null || editor.setup() == null) {
            host.status("Simulate on NPU first: the profiler's NPU editor holds what is saved into " + Workspaces.NPU);
            return;
        }
        NpuConfig npu = editor.setup().npu();
        worker.submit(() -> {
            NpuFileEdit.save(session.workspace().resolve(Workspaces.NPU), npu);
            session.refresh();
            return null;
        }, v -> host.status("Saved the edited NPU into the lesson workspace's " + Workspaces.NPU), host::status);
    }

    LessonHost host() { return host; }

    /** Puts a file made elsewhere into the workspace under {@code name} (atomically); a new model.onnx is opened again. */
    void adopt(String name, java.nio.file.Path from) {
        worker.submit(() -> {
            WorkspaceSaves.adopt(session, name, from);
            return null;
        }, v -> {
            host.status("Saved " + name + " into the lesson workspace");
            if (name.equals(Workspaces.MODEL)) host.reloadModel();
        }, host::status);
    }

    /** The presenter's notes: the step, its text and what its checks look at (never the answers). */
    private void updateNotes(Step s) {
        host.presenter().notesTitleProperty().set("Step " + (indexOf(s) + 1) + "/" + lesson().steps().size() + " · " + s.title());
        StringBuilder t = new StringBuilder(s.text() == null ? "" : s.text().strip());
        if (!s.checks().isEmpty()) {
            t.append("\n\nChecks:\n").append(s.checks().stream().map(c -> "  \u2022 " + describe(c)).collect(Collectors.joining("\n")));
        }
        if (!s.hints().isEmpty()) {
            t.append("\n\nHints:\n").append(s.hints().stream().map(h -> "  \u2022 " + h.text()).collect(Collectors.joining("\n")));
        }
        host.presenter().notesTextProperty().set(t.toString());
    }

    private static String describe(Check c) {
        return c.describe() + " (" + c.points() + " pt" + (c.points() == 1 ? "" : "s") + (c.hidden() ? ", hidden" : "") + ")";
    }

    private int indexOf(Step s) { return s == null ? -1 : lesson().indexOf(s.id()); }

    /** The feedback on screen (for tests). */
    CheckFeedback feedback() { return feedback; }
}
