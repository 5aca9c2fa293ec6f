package org.npustudio.app.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.stage.Stage;

/**
 * What the IDE remembers between runs (java.util.prefs, per user): the recently opened models, the main
 * window's size and where the user left its splitters. {@code -Dnpustudio.prefs=NODE} chooses another node (tests use their own).
 */
final class StudioPrefs {
    static final int RECENT_MAX = 8;
    private static final String RECENT = "recent.";

    private StudioPrefs() {}

    private static Preferences node() {
        return Preferences.userRoot().node(System.getProperty("npustudio.prefs", "org/npustudio/studio"));
    }

    /** The recently opened models that still exist, newest first. */
    static List<Path> recent() {
        List<Path> out = new ArrayList<>();
        Preferences p = node();
        for (int i = 0; i < RECENT_MAX; i++) {
            String v = p.get(RECENT + i, null);
            if (v == null) break;
            Path f = Path.of(v);
            if (Files.isRegularFile(f) && !out.contains(f)) out.add(f);
        }
        return out;
    }

    /** Puts {@code file} first among the recent models (a file already there moves up). */
    static void addRecent(Path file) {
        Path f = file.toAbsolutePath().normalize();
        List<Path> list = new ArrayList<>(recent());
        list.remove(f);
        list.add(0, f);
        Preferences p = node();
        for (int i = 0; i < RECENT_MAX; i++) {
            if (i < list.size()) p.put(RECENT + i, list.get(i).toString());
            else p.remove(RECENT + i);
        }
        flush(p);
    }

    /** Opens the window at its last size, or maximised on the first run. */
    static void restoreWindow(Stage stage) {
        Preferences p = node();
        double w = p.getDouble("window.width", -1), h = p.getDouble("window.height", -1);
        if (p.getBoolean("window.maximized", w < 0)) stage.setMaximized(true);
        else if (w > 0 && h > 0) {
            stage.setWidth(w);
            stage.setHeight(h);
        }
    }

    /** Remembers the window's size (its size before maximising, when maximised). */
    static void saveWindow(Stage stage) {
        Preferences p = node();
        p.putBoolean("window.maximized", stage.isMaximized());
        if (!stage.isMaximized()) {
            p.putDouble("window.width", stage.getWidth());
            p.putDouble("window.height", stage.getHeight());
        }
        flush(p);
    }

    /** Where the splitters' positions are kept (see {@link org.npustudio.graphview.ui.SplitMemory}). */
    static Preferences splitters() { return node().node("splitters"); }

    private static void flush(Preferences p) {
        try {
            p.flush();
        } catch (BackingStoreException e) {
            // Not remembered this time (read-only home, for instance): nothing the user made is affected.
        }
    }
}
