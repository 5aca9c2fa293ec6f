package org.npustudio.partition.editor.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.npustudio.error.StudioException;
import org.npustudio.partition.editor.model.RecoveryStore;
import org.npustudio.plan.yaml.PlanYaml;

/**
 * Offers an autosaved plan at start: a bar above the editor (not a modal dialog, so opening a model is
 * never blocked) with Recover and Discard. A recovered plan counts as unsaved and keeps its file name.
 */
final class RecoveryBanner extends HBox {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    RecoveryBanner(PartitionSession session, RecoveryStore store, RecoveryStore.Recovery r) {
        setId("recovery-banner");
        getStyleClass().add("recovery-banner");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        setPadding(new Insets(6, 10, 6, 10));
        Label text = new Label("An autosaved partition plan from " + TIME.format(r.written().toInstant())
                + (r.source() == null ? " (never saved)" : ", newer than " + r.source().getFileName()) + " was found.");
        text.setWrapText(true);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button recover = new Button("Recover");
        recover.setId("recovery-recover");
        recover.setOnAction(e -> {
            try {
                PlanYaml.Loaded l = store.read(r, session.modelRef());
                session.editor().reset(l.plan(), false);
                session.documentProperty().set(r.source());
                session.select(List.of());
                session.info("Recovered the autosaved plan (unsaved: Save to keep it)");
            } catch (StudioException ex) {
                session.error("Could not recover: " + ex.oneLine());
            }
            close();
        });
        Button discard = new Button("Discard");
        discard.setId("recovery-discard");
        discard.setOnAction(e -> {
            store.discard(session.modelRef());
            session.info("Discarded the autosaved plan");
            close();
        });
        getChildren().addAll(text, recover, discard);
    }

    private void close() {
        setVisible(false);
        setManaged(false);
    }
}
