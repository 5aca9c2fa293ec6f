package org.npustudio.app.ui.help;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.HostServices;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * The Help menu of a main window: Keyboard Shortcuts and Gestures (F1, or {@code ?} outside text fields),
 * Command Palette (Ctrl/Cmd+Shift+P), Documentation and About. Its windows are made on first use and reused.
 */
public final class HelpMenu {
    private final Stage owner;
    private final Supplier<MenuBar> bar;
    private final Consumer<String> status;
    private HostServices host;
    private Stage shortcuts, about;
    private CommandPalette palette;

    /** {@code bar}: the window's menu bar once built (this menu is part of it). */
    public HelpMenu(Stage owner, Supplier<MenuBar> bar, Consumer<String> status) {
        this.owner = owner;
        this.bar = bar;
        this.status = status;
    }

    /** The application's host services, to open the documentation in the desktop's viewer; null leaves a path. */
    public void setHostServices(HostServices host) { this.host = host; }

    public Menu menu() {
        Menu help = new Menu("Help", null,
                item("Keyboard Shortcuts and Gestures", "menu-shortcuts", "F1", this::showShortcuts),
                item("Command Palette…", "menu-command-palette", "Shortcut+Shift+P", this::showPalette),
                item("Documentation", "menu-docs", null, this::openDocs),
                item("About NPU Studio", "menu-about", null, this::showAbout));
        help.setId("menu-help");
        return help;
    }

    /** {@code ?} opens the cheat sheet unless the focus is in a text field (where it is a character). */
    public void install(Scene scene) {
        scene.addEventHandler(KeyEvent.KEY_TYPED, e -> {
            if ("?".equals(e.getCharacter()) && !(scene.getFocusOwner() instanceof TextInputControl)) {
                showShortcuts();
                e.consume();
            }
        });
    }

    public void showShortcuts() {
        if (shortcuts == null) shortcuts = ShortcutsWindow.create(owner, MenuActions.of(bar.get()));
        HelpWindows.showFront(shortcuts);
    }

    public void showPalette() {
        if (palette == null) palette = new CommandPalette(owner, () -> MenuActions.of(bar.get()));
        palette.show();
    }

    public void showAbout() {
        if (about == null) about = AboutWindow.create(owner);
        HelpWindows.showFront(about);
    }

    /** The open cheat sheet, palette or About window (null when never opened); tests look into them. */
    public Stage shortcutsStage() { return shortcuts; }

    public Stage paletteStage() { return palette == null ? null : palette.stage(); }

    public Stage aboutStage() { return about; }

    /** Opens docs/README.md of the installation (the index of the docs) in the desktop's viewer, or shows its path. */
    private void openDocs() {
        Path home = Path.of(System.getProperty("npustudio.home", "."));
        Path index = home.resolve("docs").resolve("README.md");
        if (!Files.isRegularFile(index)) index = home.resolve("README.md");
        if (!Files.isRegularFile(index)) {
            status.accept("Documentation not found under " + home.toAbsolutePath().normalize());
            return;
        }
        Path doc = index.toAbsolutePath().normalize();
        status.accept("Documentation: " + doc);
        if (host != null) {
            host.showDocument(doc.toUri().toString());
            return;
        }
        org.npustudio.graphview.ui.Notices.info(owner, "The documentation is in", doc.toString()); // news, not a decision
    }

    private static MenuItem item(String text, String id, String accelerator, Runnable action) {
        MenuItem i = new MenuItem(text);
        i.setId(id);
        if (accelerator != null) i.setAccelerator(KeyCombination.keyCombination(accelerator));
        i.setOnAction(e -> action.run());
        return i;
    }
}
