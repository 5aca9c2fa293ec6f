package org.npustudio.app.ui;

import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.npustudio.app.ui.help.HelpMenu;

/** Opens a Help window for {@code -Dnpustudio.snapshot.help=shortcuts|about|palette[:QUERY]} and returns its scene. */
final class HelpSnapshot {
    private HelpSnapshot() {}

    static Scene open(MainWindow window, String which) {
        HelpMenu help = window.help();
        Stage s;
        if (which.equals("shortcuts")) {
            help.showShortcuts();
            s = help.shortcutsStage();
        } else if (which.equals("about")) {
            help.showAbout();
            s = help.aboutStage();
        } else if (which.startsWith("palette")) {
            help.showPalette();
            s = help.paletteStage();
            if (which.startsWith("palette:")) ((TextField) s.getScene().lookup("#palette-field")).setText(which.substring(8));
        } else {
            System.err.println("npustudio: -Dnpustudio.snapshot.help=" + which + ": not shortcuts, about or palette[:QUERY]; picturing the window");
            return window.stage().getScene();
        }
        return s.getScene();
    }
}
