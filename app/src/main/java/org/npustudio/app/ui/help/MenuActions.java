package org.npustudio.app.ui.help;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;

/**
 * Every action of a menu bar, found by walking it, so the cheat sheet and the command palette list what the
 * menus hold today and never go stale.
 */
public final class MenuActions {
    /** The path separator shown between menu names. */
    public static final String SEP = " \u203A ";

    /** One leaf menu item: its menu path ("View › Presenter Scale"), name and accelerator text ("" if none). */
    public record Action(String path, String name, String accelerator, MenuItem item) {
        /** "View › Find…": what the palette filters on and shows. */
        public String title() { return path + SEP + name; }

        /** Enabled now: neither the item nor a menu above it is disabled or hidden. */
        public boolean enabled() {
            for (MenuItem m = item; m != null; m = m.getParentMenu()) if (m.isDisable() || !m.isVisible()) return false;
            return true;
        }

        /**
         * Runs the action as a click on the menu would: a check item toggles and a radio item is chosen
         * before its action fires (MenuItem.fire alone does neither).
         */
        public void run() {
            if (item instanceof RadioMenuItem r) r.setSelected(true);
            else if (item instanceof CheckMenuItem c) c.setSelected(!c.isSelected());
            item.fire();
        }
    }

    private MenuActions() {}

    /** The bar's leaf items in menu order (separators and sub-menu headers left out). */
    public static List<Action> of(MenuBar bar) {
        List<Action> out = new ArrayList<>();
        for (Menu m : bar.getMenus()) collect(m, plain(m.getText()), out);
        return out;
    }

    private static void collect(Menu menu, String path, List<Action> out) {
        for (MenuItem i : menu.getItems()) {
            if (i instanceof SeparatorMenuItem) continue;
            if (i instanceof Menu sub) collect(sub, path + SEP + plain(sub.getText()), out);
            else out.add(new Action(path, plain(i.getText()), i.getAccelerator() == null ? "" : i.getAccelerator().getDisplayText(), i));
        }
    }

    /** Menu text without its mnemonic marker ("_File" → "File"). */
    private static String plain(String text) {
        return text == null ? "" : text.replaceAll("_(?=\\S)", "");
    }
}
