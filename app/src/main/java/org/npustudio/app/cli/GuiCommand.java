package org.npustudio.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.npustudio.app.ui.StudioApp;
import org.npustudio.error.StudioException;

/** {@code npustudio gui [MODEL]}: opens the IDE window and returns when it is closed. */
final class GuiCommand implements Command {
    @Override public String name() { return "gui"; }

    @Override public String synopsis() { return "[MODEL]"; }

    @Override public String summary() { return "open the NPU Studio IDE, optionally with a model"; }

    @Override
    public String details() {
        return """
                Load errors are shown in the window. System properties (JAVA_OPTS):
                  -Dnpustudio.snapshot=FILE.png   write a PNG of the window once it has loaded, then quit
                """;
    }

    @Override
    public int run(List<String> args, CliContext ctx) throws StudioException {
        List<String> words = Args.parse(name(), args, Set.of()).positional(0, 1, "MODEL");
        Path model = words.isEmpty() ? null : Path.of(words.get(0));
        if (!hasDisplay(ctx)) {
            throw new StudioException(name(), "", "no display to open a window on (DISPLAY is not set);"
                    + " run it in a desktop session or under xvfb-run");
        }
        StudioApp.launchAndWait(model);
        return Cli.OK;
    }

    /** On Linux JavaFX needs an X11 display (or the headless Monocle platform used by tests). */
    private static boolean hasDisplay(CliContext ctx) {
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) return true;
        if ("Monocle".equals(System.getProperty("glass.platform"))) return true;
        String display = ctx.env().get("DISPLAY");
        return display != null && !display.isBlank();
    }
}
