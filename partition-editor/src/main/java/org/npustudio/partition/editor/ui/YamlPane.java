package org.npustudio.partition.editor.ui;

import java.time.Duration;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.npustudio.partition.editor.model.PlanEdit;
import org.npustudio.plan.yaml.PlanYaml;
import org.npustudio.plan.yaml.PlanYamlWriter;
import org.npustudio.yaml.YamlException;

/**
 * The plan as YAML, live: after every edit the text is rewritten from the plan unless the user is editing
 * it. Edited text is applied with Apply (Ctrl+Enter) as one undoable edit; a mistake is shown with its
 * line and column, that line is marked and the caret put there. Revert drops the edits.
 */
final class YamlPane extends BorderPane {
    static final String SOURCE = "YAML pane";

    private final PartitionSession session;
    private final CodeArea area = new CodeArea();
    private final Label state = new Label();
    private final Label error = new Label();
    private final Button apply = new Button("Apply");
    private final Button revert = new Button("Revert");
    private boolean syncing;
    private boolean edited;
    private int errorLine = -1;

    YamlPane(PartitionSession session) {
        this.session = session;
        setId("yaml-pane");
        getStyleClass().add("yaml-pane");
        area.setId("plan-yaml");
        area.getStyleClass().add("plan-yaml");
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        // Typing re-colours the text once it pauses; the pane's own updates colour what they replaced.
        area.multiPlainChanges().successionEnds(Duration.ofMillis(120)).subscribe(c -> {
            if (!area.getText().equals(synced)) highlight();
        });
        area.textProperty().addListener((o, was, now) -> {
            if (!syncing) setEdited(true);
        });
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                apply();
                e.consume();
            }
        });
        apply.setId("yaml-apply");
        apply.setTooltip(new Tooltip("Replace the plan with this text (Ctrl+Enter); undoable"));
        apply.setOnAction(e -> apply());
        revert.setId("yaml-revert");
        revert.setTooltip(new Tooltip("Drop the text edits and show the plan again"));
        revert.setOnAction(e -> {
            setEdited(false);
            sync();
        });
        state.setId("yaml-state");
        state.getStyleClass().add("yaml-state");
        error.setId("yaml-error");
        error.getStyleClass().add("yaml-error");
        error.setWrapText(true);
        error.setManaged(false);
        error.setVisible(false);
        Label title = new Label("Plan YAML");
        title.getStyleClass().add("panel-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // In a narrow pane the state text gives way (ellipsis), never the title or the two buttons.
        for (javafx.scene.control.Control c : java.util.List.of(title, revert, apply)) c.setMinWidth(Region.USE_PREF_SIZE);
        state.setMinWidth(0);
        HBox.setHgrow(state, Priority.SOMETIMES);
        HBox bar = new HBox(6, title, state, spacer, revert, apply);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 6, 4, 6));
        setTop(new VBox(bar, error));
        setCenter(new VirtualizedScrollPane<>(area));
        // The text follows plan edits shortly after them, coalesced: a burst of edits (or an edit whose
        // profile is being re-simulated) does not wait for the code area to be rebuilt each time.
        pendingSync.setOnFinished(e -> {
            if (!edited) sync();
        });
        session.revisionProperty().addListener((o, was, now) -> {
            if (!edited) pendingSync.playFromStart();
        });
        setEdited(false);
        sync();
    }

    /** How long after a plan edit the text follows it. */
    static final javafx.util.Duration SYNC_DELAY = javafx.util.Duration.millis(150);
    private final javafx.animation.PauseTransition pendingSync = new javafx.animation.PauseTransition(SYNC_DELAY);

    /** The text last written by the pane itself (not typed). */
    private String synced;

    CodeArea area() { return area; }

    boolean isEdited() { return edited; }

    /** The line (1-based) marked as wrong, or -1. */
    int errorLine() { return errorLine; }

    /** Parses the text and, when it is a valid plan, replaces the plan with it. */
    void apply() {
        PlanYaml.Loaded loaded;
        try {
            loaded = PlanYaml.parse(area.getText(), SOURCE, session.modelRef());
        } catch (YamlException e) {
            showError(e.line(), e.column(), e.problem());
            return;
        } catch (IllegalArgumentException e) {
            showError(0, 0, e.getMessage());
            return;
        }
        clearError();
        setEdited(false);
        session.apply(new PlanEdit.ReplacePlan("Apply YAML", loaded.plan()));
        if (!loaded.warnings().isEmpty()) {
            session.info("Applied the YAML with " + loaded.warnings().size() + " warning(s): " + loaded.warnings().get(0));
        }
        pendingSync.stop(); // synced right here; the edit's delayed sync would only compare the same text again
        sync();
    }

    private void sync() {
        syncing = true;
        try {
            String text = PlanYamlWriter.write(session.plan());
            if (!text.equals(area.getText())) {
                // Keep the reader's place: the same top line and caret line, as far as the new text reaches.
                int top = firstVisibleLine();
                int caret = area.getCurrentParagraph();
                replaceChangedLines(area.getText(), text);
                synced = text;
                int last = area.getParagraphs().size() - 1;
                area.moveTo(Math.min(caret, last), 0);
                area.showParagraphAtTop(Math.min(top, last));
            }
        } finally {
            syncing = false;
        }
    }

    /** Index of the paragraph at the top of the view (0 before the area has been shown). */
    private int firstVisibleLine() {
        try {
            return Math.max(0, area.firstVisibleParToAllParIndex());
        } catch (RuntimeException notShownYet) {
            return 0;
        }
    }

    private void setEdited(boolean e) {
        edited = e;
        apply.setDisable(!e);
        revert.setDisable(!e);
        state.setText(e ? "edited — Apply (Ctrl+Enter) or Revert" : "live");
        if (!e) clearError();
    }

    /**
     * Replaces only the lines that differ and re-highlights just those: an edit touches a few lines of the
     * plan, and rebuilding every paragraph of the code area on each edit cost more than the edit itself.
     * (The highlighter's tokens never span lines, so a line range can be coloured on its own.)
     */
    private void replaceChangedLines(String old, String now) {
        int prefix = 0, max = Math.min(old.length(), now.length());
        while (prefix < max && old.charAt(prefix) == now.charAt(prefix)) prefix++;
        prefix = old.lastIndexOf('\n', prefix - 1) + 1; // whole lines only
        int suffix = 0;
        while (suffix < max - prefix && old.charAt(old.length() - 1 - suffix) == now.charAt(now.length() - 1 - suffix)) suffix++;
        int oldEnd = old.length() - suffix, newEnd = now.length() - suffix;
        int lineEnd = now.indexOf('\n', newEnd);
        if (lineEnd < 0) lineEnd = now.length();
        int oldLineEnd = lineEnd - newEnd + oldEnd;
        area.replaceText(prefix, oldLineEnd, now.substring(prefix, lineEnd));
        if (lineEnd > prefix) area.setStyleSpans(prefix, YamlHighlighter.spans(now.substring(prefix, lineEnd)));
    }

    private void highlight() {
        if (area.getLength() == 0) return;
        area.setStyleSpans(0, YamlHighlighter.spans(area.getText()));
    }

    private void showError(int line, int column, String problem) {
        clearError();
        String where = line > 0 ? "line " + line + (column > 0 ? ", column " + column : "") + ": " : "";
        error.setText(where + problem);
        error.setManaged(true);
        error.setVisible(true);
        session.error("YAML not applied: " + where + problem);
        if (line > 0 && line <= area.getParagraphs().size()) {
            errorLine = line;
            area.setParagraphStyle(line - 1, List.of("yaml-error-line"));
            area.moveTo(line - 1, Math.max(0, Math.min(column - 1, area.getParagraph(line - 1).length())));
            area.requestFollowCaret();
        }
    }

    private void clearError() {
        if (errorLine > 0 && errorLine <= area.getParagraphs().size()) area.setParagraphStyle(errorLine - 1, List.of());
        errorLine = -1;
        error.setText("");
        error.setManaged(false);
        error.setVisible(false);
    }
}
