package org.npustudio.app.ui.present;

import org.npustudio.profiler.ui.ChartScale;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.npustudio.app.ui.diff.PassDiffView;
import org.npustudio.graphview.scene.SceneTheme;
import org.npustudio.graphview.ui.GraphView;

/**
 * Presenter mode (F5): large type and the high-contrast theme on every window of the IDE, a spotlight and a
 * laser pointer on every graph view, and step navigation with the keys a presentation clicker sends.
 * <p>
 * Large type is the root font size times {@link #scaleProperty()}: Modena sizes controls in em and our
 * stylesheets give font sizes in em too, so everything grows with it. Graph views get
 * {@link SceneTheme#highContrast} at the same scale (thicker strokes, the view zoomed by that factor).
 * Windows opened while presenting are styled as they appear; graph views inside content that is built
 * lazily (tab panes and split panes add their items to the scene graph only with their skins) are handed
 * over with {@link #follow(GraphView)}.
 */
public final class PresenterMode {
    /** The scales the View menu offers; the first is the default. */
    public static final List<Double> SCALES = List.of(1.6, 2.0, 2.5);
    /** The root font size of studio.css, in pixels; presenter mode multiplies it. */
    public static final double BASE_FONT = 13;
    static final String STYLE_CLASS = "presenting";
    private static final String SAVED_STYLE = "npustudio.presenter.savedStyle";
    // Per presenter: another window's presenter (an earlier main window) must not take the key for this one.
    private final String toggleKey = "npustudio.presenter.toggleKey." + System.identityHashCode(this);
    private static final String CSS = PresenterMode.class.getResource("presenter.css").toExternalForm();

    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", false);
    private final javafx.beans.property.ReadOnlyDoubleWrapper scale = new javafx.beans.property.ReadOnlyDoubleWrapper(this, "scale", SCALES.get(0));
    private final StringProperty notesTitle = new SimpleStringProperty(this, "notesTitle", "No lesson open");
    private final StringProperty notesText = new SimpleStringProperty(this, "notesText", "");
    private final PresenterKeys keys;
    private final Stage main;
    private final PresenterNotes notes;
    private final java.util.Set<GraphView> followed = java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());

    /**
     * @param main       the IDE's main window (the notes go to another screen than its)
     * @param navigation moves a step forward (+1) or back (-1) and says whether anything moved
     */
    public PresenterMode(Stage main, IntPredicate navigation) {
        keys = new PresenterKeys(navigation);
        notes = new PresenterNotes(main, notesTitle, notesText);
        active.addListener((o, was, now) -> {
            refresh();
            if (now) notes.showOnSecondScreen();
        });
        scale.addListener((o, was, now) -> {
            if (active.get()) refresh();
        });
        this.main = main;
        for (Window w : Window.getWindows()) installToggleKey(w);
        Window.getWindows().addListener((ListChangeListener<Window>) c -> {
            while (c.next()) {
                for (Window w : c.getAddedSubList()) {
                    installToggleKey(w);
                    if (active.get()) apply(w, true);
                }
            }
        });
    }

    /**
     * F5 toggles presenter mode from any window of the IDE (a pass diff window, the notes); the main window has
     * it as its View menu's accelerator already.
     */
    private void installToggleKey(Window w) {
        if (w instanceof PopupWindow || w == main) return;
        if (w.getScene() != null) installToggleKey(w.getScene());
        w.sceneProperty().addListener((o, was, now) -> {
            if (now != null) installToggleKey(now);
        });
    }

    private void installToggleKey(Scene scene) {
        if (scene.getProperties().putIfAbsent(toggleKey, Boolean.TRUE) != null) return;
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.F5 && !e.isShortcutDown() && !e.isAltDown() && !e.isShiftDown()) {
                toggle();
                e.consume();
            }
        });
    }

    public BooleanProperty activeProperty() { return active; }

    public boolean isActive() { return active.get(); }

    public void toggle() { active.set(!active.get()); }

    /** Size factor of type and strokes while presenting (1.6, 2 or 2.5 from the menu). */
    public javafx.beans.property.ReadOnlyDoubleProperty scaleProperty() { return scale.getReadOnlyProperty(); }

    /** Sets the size factor; anything outside 1..4 is refused (type that large no longer fits a window). */
    public void setScale(double s) {
        if (!(s >= 1 && s <= 4)) throw new IllegalArgumentException("a presenter scale is between 1 and 4, not " + s);
        scale.set(s);
    }

    /** What the notes window shows: the current step's title and text (set by the lesson pane). */
    public StringProperty notesTitleProperty() { return notesTitle; }

    public StringProperty notesTextProperty() { return notesText; }

    /** Opens the notes as a normal window (the menu's way, e.g. with a single screen). */
    public PresenterNotes showNotes() {
        notes.showHere();
        return notes;
    }

    public PresenterNotes notes() { return notes; }

    /** Moves one step (+1 / -1), as Right / Left or Page Down / Page Up do while presenting. */
    public boolean step(int direction) { return keys.step(direction); }

    /** Applies the current state to every window again (call after content with new graph views appeared). */
    public void refresh() {
        for (Window w : new ArrayList<>(Window.getWindows())) apply(w, active.get());
        for (GraphView v : new ArrayList<>(followed)) style(v, active.get());
    }

    /** Keeps a graph view in the presenter's look from now on, even before it is on screen (held weakly). */
    public void follow(GraphView v) {
        followed.add(v);
        style(v, active.get());
    }

    private void apply(Window w, boolean on) {
        if (w instanceof PopupWindow) return; // menus and tooltips take their owner's styles
        Scene scene = w.getScene();
        if (scene == null) {
            w.sceneProperty().addListener((o, was, now) -> {
                if (now != null && active.get()) apply(w, true);
            });
            return;
        }
        Parent root = scene.getRoot();
        if (on) {
            if (!root.getProperties().containsKey(SAVED_STYLE)) root.getProperties().put(SAVED_STYLE, root.getStyle());
            root.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.2fpx;", BASE_FONT * scale.get()));
            if (!root.getStyleClass().contains(STYLE_CLASS)) root.getStyleClass().add(STYLE_CLASS);
            if (!scene.getStylesheets().contains(CSS)) scene.getStylesheets().add(CSS);
            keys.install(scene);
            ChartScale.set(scene, scale.get());
        } else {
            if (root.getProperties().containsKey(SAVED_STYLE)) root.setStyle((String) root.getProperties().remove(SAVED_STYLE));
            root.getStyleClass().remove(STYLE_CLASS);
            scene.getStylesheets().remove(CSS);
            keys.uninstall(scene);
            ChartScale.set(scene, 1);
        }
        for (GraphView v : graphViews(root)) style(v, on);
    }

    private void style(GraphView v, boolean on) {
        v.themeProperty().set(on ? SceneTheme.highContrast(scale.get()) : SceneTheme.STANDARD);
        v.spotlightProperty().set(on);
        v.pointerProperty().set(on);
    }

    /** The graph views in a window, including a pass diff view's merged view while it is not on screen. */
    static List<GraphView> graphViews(Parent root) {
        List<GraphView> out = new ArrayList<>();
        for (Node n : root.lookupAll(".graph-view")) if (n instanceof GraphView v) out.add(v);
        for (Node n : root.lookupAll("#pass-diff-view")) {
            if (n instanceof PassDiffView d) {
                for (GraphView v : List.of(d.beforeView(), d.afterView(), d.mergedView())) if (!out.contains(v)) out.add(v);
            }
        }
        return out;
    }
}
