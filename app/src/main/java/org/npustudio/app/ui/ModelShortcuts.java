package org.npustudio.app.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import org.npustudio.app.ModelFiles;
import org.npustudio.error.StudioException;
import org.npustudio.graphview.ui.Workers;

/** The quick ways to a model: File › Open Recent and File › Open Sample (and the welcome screen's buttons). */
final class ModelShortcuts {
    /** The bundled samples, with the names a user knows them by. */
    static final List<String[]> SAMPLES = List.of(new String[] {"lenet5", "LeNet-5"}, new String[] {"mobilenetv2", "MobileNetV2"},
            new String[] {"resnet50", "ResNet-50"}, new String[] {"transformer-encoder", "Transformer encoder"}, new String[] {"mlp", "MLP"});

    private ModelShortcuts() {}

    /** File › Open Recent: rebuilt each time it opens, so it always lists what is on disk now. */
    static Menu recentMenu(Consumer<Path> open) {
        Menu m = new Menu("Open Recent");
        m.setId("menu-open-recent");
        m.getItems().add(new MenuItem("(none yet)"));
        m.setOnShowing(e -> fill(m, open));
        return m;
    }

    static void fill(Menu m, Consumer<Path> open) {
        m.getItems().clear();
        List<Path> recent = StudioPrefs.recent();
        for (int i = 0; i < recent.size(); i++) {
            Path f = recent.get(i);
            MenuItem item = new MenuItem(f.getFileName() + "  —  " + f.getParent());
            item.setId("menu-recent-" + i);
            item.setMnemonicParsing(false);
            item.setOnAction(e -> open.accept(f));
            m.getItems().add(item);
        }
        if (recent.isEmpty()) {
            MenuItem none = new MenuItem("(none yet)");
            none.setDisable(true);
            m.getItems().add(none);
        }
    }

    /** File › Open Sample: a bundled model, written on first use off the FX thread, then opened. */
    static Menu sampleMenu(Consumer<Path> open, Consumer<String> status) {
        Menu m = new Menu("Open Sample");
        m.setId("menu-open-sample");
        for (String[] s : SAMPLES) {
            MenuItem item = new MenuItem(s[1]);
            item.setId("menu-sample-" + s[0]);
            item.setOnAction(e -> openSample(s[0], open, status));
            m.getItems().add(item);
        }
        return m;
    }

    static void openSample(String name, Consumer<Path> open, Consumer<String> status) {
        Task<Path> t = new Task<>() {
            @Override
            protected Path call() throws StudioException { return ModelFiles.sample(name); }
        };
        t.setOnSucceeded(e -> open.accept(t.getValue()));
        t.setOnFailed(e -> status.accept("Could not write the sample " + name + ": " + StudioException.describe(t.getException())));
        status.accept("Preparing the " + name + " sample…");
        Workers.start(t, "sample-" + name);
    }
}
