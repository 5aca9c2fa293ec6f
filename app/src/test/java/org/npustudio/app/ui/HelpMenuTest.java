package org.npustudio.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.npustudio.app.ui.help.Gestures;
import org.npustudio.app.ui.help.MenuActions;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Help menu on the real window (headless Monocle): the cheat sheet and the command palette. */
@ExtendWith(ApplicationExtension.class)
class HelpMenuTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage);
        stage.show();
    }

    @Test
    @SuppressWarnings("unchecked")
    void questionMarkOpensTheCheatSheetWithMenuShortcutsAndGestures(FxRobot robot) {
        robot.interact(() -> window.stage().requestFocus());
        robot.write('?');
        WaitForAsyncUtils.waitForFxEvents();
        Stage sheet = window.help().shortcutsStage();
        assertNotNull(sheet, "? opened the cheat sheet");
        assertTrue(sheet.isShowing());

        TableView<MenuActions.Action> actions = (TableView<MenuActions.Action>) sheet.getScene().lookup("#shortcuts-actions");
        MenuActions.Action simulate = actions.getItems().stream().filter(a -> a.name().equals("Simulate on NPU")).findFirst().orElseThrow();
        assertEquals("Profile", simulate.path());
        assertEquals(KeyCombination.keyCombination("Shortcut+R").getDisplayText(), simulate.accelerator());
        // Sub-menus are walked: the presenter scales sit under View › Presenter Scale.
        assertTrue(actions.getItems().stream().anyMatch(a -> a.path().equals("View \u203A Presenter Scale") && a.name().equals("2\u00D7")));
        // The Help menu lists itself, so the table is read from the live bar.
        assertTrue(actions.getItems().stream().anyMatch(a -> a.name().equals("Command Palette…") && !a.accelerator().isEmpty()));

        TableView<Gestures.Gesture> gestures = (TableView<Gestures.Gesture>) sheet.getScene().lookup("#shortcuts-gestures");
        assertTrue(gestures.getItems().stream().anyMatch(g -> g.input().equals("Mouse wheel") && g.effect().startsWith("Zoom")));

        robot.interact(() -> sheet.getScene().getRoot().requestFocus());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(sheet.isShowing(), "Esc closes the cheat sheet");
    }

    @Test
    @SuppressWarnings("unchecked")
    void paletteFiltersByTypingAndEnterRunsTheAction(FxRobot robot) throws Exception {
        robot.interact(() -> window.stage().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        Stage palette = window.help().paletteStage();
        assertNotNull(palette, "Ctrl+Shift+P opened the palette");
        assertTrue(palette.isShowing());
        ListView<MenuActions.Action> list = (ListView<MenuActions.Action>) palette.getScene().lookup("#palette-list");
        // Without a model the model actions are disabled and not offered.
        assertTrue(list.getItems().stream().noneMatch(a -> a.name().equals("Simulate on NPU")));

        TextField field = (TextField) palette.getScene().lookup("#palette-field");
        robot.clickOn(field);
        robot.write("presenter mode");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> shown = list.getItems().stream().map(MenuActions.Action::title).toList();
        assertEquals(List.of("View \u203A Presenter Mode"), shown);

        assertFalse(window.presenter().activeProperty().get());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.presenter().activeProperty().get());
        assertFalse(palette.isShowing(), "the palette closes when it runs an action");
        robot.interact(() -> window.presenter().activeProperty().set(false));

        // Reopened: an empty query again, and Esc closes it without running anything.
        robot.interact(() -> window.help().showPalette());
        assertEquals("", field.getText());
        robot.clickOn(field);
        robot.write("about");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Help \u203A About NPU Studio", list.getItems().get(0).title());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(palette.isShowing());
        assertTrue(window.help().aboutStage() == null || !window.help().aboutStage().isShowing(), "Esc ran nothing");
    }
}
