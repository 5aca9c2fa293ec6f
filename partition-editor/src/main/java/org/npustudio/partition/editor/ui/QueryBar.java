package org.npustudio.partition.editor.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.npustudio.partition.editor.model.NodeQuery;

/** Select by query: op types, a name pattern and a name scope; Select replaces the selection, Add extends it. */
final class QueryBar extends HBox {
    private final TextField ops = field("query-ops", "Op types, e.g. Conv, Relu", 170);
    private final TextField name = field("query-name", "Name pattern (regex)", 170);
    private final TextField scope = field("query-scope", "Name scope, e.g. layer1/layer1.0", 200);

    QueryBar(SelectionEdits edits) {
        setId("query-bar");
        getStyleClass().add("query-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(6);
        setPadding(new Insets(4, 8, 4, 8));
        Button select = new Button("Select");
        select.setId("query-select");
        select.setDefaultButton(false);
        select.setOnAction(e -> edits.query(query(), false));
        Button add = new Button("Add to selection");
        add.setId("query-add");
        add.setOnAction(e -> edits.query(query(), true));
        for (TextField f : new TextField[] {ops, name, scope}) f.setOnAction(e -> edits.query(query(), false));
        getChildren().addAll(new Label("Select by"), ops, name, scope, select, add);
    }

    NodeQuery query() { return new NodeQuery(ops.getText(), name.getText(), scope.getText()); }

    private static TextField field(String id, String prompt, double width) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setTooltip(new Tooltip(prompt));
        f.setPrefWidth(width);
        return f;
    }
}
