package org.npustudio.app.ui.diff;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The sidebar: every pass with its time and whether it changed the graph (Compiler Explorer's Opt
 * Pipeline list), the failing pass in red, and "hide passes that changed nothing". Arrow keys step
 * through the list; the selected step is what the view shows.
 */
final class PassList extends VBox {
    private final ListView<DiffStep> list = new ListView<>();
    private final CheckBox hideUnchanged = new CheckBox("Hide passes that changed nothing");
    private final BooleanProperty hide = new SimpleBooleanProperty(this, "hideUnchanged", false);
    private final FilteredList<DiffStep> shown;

    PassList(List<DiffStep> steps) {
        setId("pass-list-panel");
        getStyleClass().add("pass-list-panel");
        shown = new FilteredList<>(FXCollections.observableArrayList(steps), s -> true);
        list.setItems(shown);
        list.setId("pass-list");
        list.setCellFactory(l -> new StepCell(l));
        hideUnchanged.setId("pass-hide-unchanged");
        hideUnchanged.setWrapText(true);
        hideUnchanged.selectedProperty().bindBidirectional(hide);
        hide.addListener((o, was, now) -> refilter());
        Label title = new Label(steps.stream().allMatch(s -> s.kind() == DiffStep.Kind.COMPARISON) ? "Comparison" : "Passes");
        title.getStyleClass().add("pass-list-title");
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(title, hideUnchanged, list);
        // A comparison of two models is one step: nothing to hide.
        hideUnchanged.setVisible(steps.stream().anyMatch(s -> s.kind() != DiffStep.Kind.COMPARISON));
        hideUnchanged.managedProperty().bind(hideUnchanged.visibleProperty());
        setSpacing(6);
        setPadding(new Insets(8));
        setMinWidth(200);
        setPrefWidth(270);
    }

    ListView<DiffStep> listView() { return list; }

    BooleanProperty hideUnchangedProperty() { return hide; }

    DiffStep selected() { return list.getSelectionModel().getSelectedItem(); }

    void select(DiffStep s) {
        list.getSelectionModel().select(s);
        list.scrollTo(s);
    }

    /** Selects the next (+1) or previous (-1) visible step; false at either end. */
    boolean step(int direction) {
        int i = list.getSelectionModel().getSelectedIndex() + direction;
        if (i < 0 || i >= shown.size()) return false;
        list.getSelectionModel().select(i);
        list.scrollTo(i);
        return true;
    }

    /** Keeps the selection when it stays visible; otherwise the nearest visible step after it. */
    private void refilter() {
        DiffStep keep = selected();
        shown.setPredicate(s -> !hide.get() || s.changed() || s.kind() != DiffStep.Kind.PASS);
        if (keep != null && shown.contains(keep)) select(keep);
        else if (!shown.isEmpty()) {
            DiffStep next = shown.stream().filter(s -> keep == null || s.step() >= keep.step()).findFirst().orElse(shown.get(shown.size() - 1));
            select(next);
        }
    }

    private static final class StepCell extends ListCell<DiffStep> {
        private final ListView<DiffStep> owner;

        StepCell(ListView<DiffStep> owner) {
            this.owner = owner;
        }

        @Override
        protected void updateItem(DiffStep s, boolean empty) {
            super.updateItem(s, empty);
            getStyleClass().removeAll("pass-changed", "pass-unchanged", "pass-failed");
            if (empty || s == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label number = new Label(s.kind() == DiffStep.Kind.COMPARISON ? "" : String.valueOf(s.step()));
            number.getStyleClass().add("pass-number");
            Label name = new Label(s.name());
            name.getStyleClass().add("pass-name");
            name.setMinWidth(0);
            name.setTooltip(new javafx.scene.control.Tooltip(s.name()));
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            String stateText = switch (s.kind()) {
                case FAILED -> "failed";
                case COMPARISON -> "";
                case PASS -> s.changed() ? String.format("%.1f ms \u25CF", s.millis()) : String.format("%.1f ms", s.millis());
            };
            Label state = new Label(stateText);
            state.getStyleClass().add("pass-time");
            state.setMinWidth(Region.USE_PREF_SIZE);
            HBox row = new HBox(6, number, name, spacer, state);
            row.setAlignment(Pos.CENTER_LEFT);
            // Fit the row to the list (no horizontal scrolling): long pass names are cut with an ellipsis.
            row.setMinWidth(0);
            row.prefWidthProperty().bind(owner.widthProperty().subtract(28));
            row.maxWidthProperty().bind(row.prefWidthProperty());
            setText(null);
            setGraphic(row);
            getStyleClass().add(s.kind() == DiffStep.Kind.FAILED ? "pass-failed" : s.changed() ? "pass-changed" : "pass-unchanged");
        }
    }
}
