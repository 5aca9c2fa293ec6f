package org.npustudio.app.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ChoiceDialog;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.npustudio.app.lesson.Lesson;
import org.npustudio.app.lesson.LessonLibrary;
import org.npustudio.error.StudioException;

/**
 * File > Open Lesson…: pick a bundled lesson, then the workspace folder (a new or empty folder starts the
 * lesson there; a workspace of this lesson continues where it was left).
 */
final class LessonChooser {
    record Choice(String lesson, Path workspace) {}

    private record Item(Lesson lesson) {
        @Override
        public String toString() { return lesson.title() + "  (" + lesson.id() + ", " + lesson.minutes() + " min)"; }
    }

    private LessonChooser() {}

    static Optional<Choice> choose(Window owner, Path startFolder) {
        List<Lesson> lessons;
        try {
            lessons = LessonLibrary.bundled();
        } catch (StudioException e) {
            ErrorDialog.show(owner, "A bundled lesson has a problem", e.oneLine());
            return Optional.empty();
        }
        if (lessons.isEmpty()) {
            ErrorDialog.show(owner, "No lessons found", "no lesson folders in " + LessonLibrary.folder());
            return Optional.empty();
        }
        List<Item> items = lessons.stream().map(Item::new).toList();
        ChoiceDialog<Item> dialog = new ChoiceDialog<>(items.get(0), items);
        dialog.initOwner(owner);
        dialog.setTitle("NPU Studio");
        dialog.setHeaderText("Open a lesson");
        dialog.setContentText("Lesson:");
        dialog.getDialogPane().setId("lesson-chooser");
        Optional<Item> item = dialog.showAndWait();
        if (item.isEmpty()) return Optional.empty();
        DirectoryChooser folder = new DirectoryChooser();
        folder.setTitle("Workspace for " + item.get().lesson().title() + " (a new or empty folder, or its workspace)");
        if (startFolder != null && startFolder.toFile().isDirectory()) folder.setInitialDirectory(startFolder.toFile());
        File dir = folder.showDialog(owner);
        return dir == null ? Optional.empty() : Optional.of(new Choice(item.get().lesson().folder().toString(), dir.toPath()));
    }
}
