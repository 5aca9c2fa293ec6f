package org.npustudio.app.ui.present;

import java.util.function.IntPredicate;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The keys that step through a presentation: Right / Page Down forward, Left / Page Up back (clickers send
 * Page Down / Page Up). A scene-wide filter while presenting, so it wins over the graph canvas' arrow
 * navigation; arrows typed into a text field stay there (the student is answering).
 */
final class PresenterKeys {
    private static final String INSTALLED = "npustudio.presenter.keys";
    private final IntPredicate navigation;

    PresenterKeys(IntPredicate navigation) {
        this.navigation = navigation;
    }

    boolean step(int direction) { return navigation.test(direction); }

    void install(Scene scene) {
        if (scene.getProperties().containsKey(INSTALLED)) return;
        EventHandler<KeyEvent> filter = this::pressed;
        scene.getProperties().put(INSTALLED, filter);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, filter);
    }

    @SuppressWarnings("unchecked")
    void uninstall(Scene scene) {
        Object filter = scene.getProperties().remove(INSTALLED);
        if (filter != null) scene.removeEventFilter(KeyEvent.KEY_PRESSED, (EventHandler<KeyEvent>) filter);
    }

    private void pressed(KeyEvent e) {
        int direction = direction(e.getCode());
        if (direction == 0 || e.isShortcutDown() || e.isAltDown() || e.isShiftDown()) return;
        Node focus = e.getSource() instanceof Scene s ? s.getFocusOwner() : null;
        if (focus instanceof TextInputControl && e.getCode().isArrowKey()) return;
        if (step(direction)) e.consume();
    }

    /** +1, -1, or 0 for a key that does not step. */
    static int direction(KeyCode code) {
        return switch (code) {
            case RIGHT, PAGE_DOWN -> 1;
            case LEFT, PAGE_UP -> -1;
            default -> 0;
        };
    }
}
