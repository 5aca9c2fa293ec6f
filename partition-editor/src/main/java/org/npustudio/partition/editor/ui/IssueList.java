package org.npustudio.partition.editor.ui;

import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import org.npustudio.plan.PlanIssue;

/**
 * The validator's findings, errors first. Choosing one selects the nodes it names on the graph (a
 * non-convex partition's offending path, the ops a device cannot run).
 */
final class IssueList extends ListView<PlanIssue> {
    IssueList(PartitionSession session, Consumer<List<String>> showNodes) {
        setId("partition-issues");
        setPlaceholder(new Label("No problems: the plan is legal"));
        setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(PlanIssue i, boolean empty) {
                super.updateItem(i, empty);
                getStyleClass().removeAll("issue-error", "issue-warning");
                if (empty || i == null) {
                    setText(null);
                    return;
                }
                setText((i.isError() ? "✗ " : "⚠ ") + (i.partition().isEmpty() ? "" : i.partition() + ": ") + i.message());
                getStyleClass().add(i.isError() ? "issue-error" : "issue-warning");
            }
        });
        getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now == null || now.kind() == PlanIssue.Kind.PARTITION_CYCLE) return;
            List<String> nodes = session.editor().refs(now.nodes()).stream().map(r -> r.id()).toList();
            if (!nodes.isEmpty()) showNodes.accept(nodes);
        });
        session.revisionProperty().addListener((o, was, now) -> refresh(session));
        refresh(session);
    }

    private void refresh(PartitionSession session) {
        List<PlanIssue> errors = session.editor().report().errors();
        List<PlanIssue> warnings = session.editor().report().warnings();
        getItems().setAll(errors);
        getItems().addAll(warnings);
    }
}
