package org.npustudio.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.npustudio.app.ModelFiles;
import org.npustudio.app.ui.StudioApp;
import org.npustudio.error.StudioException;

/** {@code npustudio gui [MODEL]}: opens the IDE window and returns when it is closed. */
final class GuiCommand implements Command {
    @Override public String name() { return "gui"; }

    @Override public String synopsis() { return "[MODEL | --sample NAME]"; }

    @Override public String summary() { return "open the NPU Studio IDE, optionally with a model"; }

    @Override
    public String details() {
        return """
                --sample NAME   open a bundled sample (resnet50, mobilenetv2, lenet5, mlp, transformer-encoder),
                                building it first if it has not been written yet
                Load errors are shown in the window. System properties (JAVA_OPTS):
                  -Dnpustudio.snapshot=FILE.png   write a PNG of the window once it has loaded, then quit
                  -Dnpustudio.partition.plan=PLAN.yaml|auto   with a snapshot: show the partition editor
                                                  on that plan (or auto-partitioned) first
                  -Dnpustudio.recovery.dir=DIR    where partition plans are autosaved (~/.npustudio/recovery)
                """;
    }

    @Override
    public int run(List<String> args, CliContext ctx) throws StudioException {
        Args a = Args.parse(name(), args, Set.of("--sample"));
        List<String> words = a.positional(a.has("--sample") ? 1 : 0, 1, a.has("--sample") ? "NAME" : "MODEL");
        if (!hasDisplay(ctx)) {
            throw new StudioException(name(), "", "no display to open a window on (DISPLAY is not set);"
                    + " run it in a desktop session or under xvfb-run");
        }
        Path model = words.isEmpty() ? null : a.has("--sample") ? ModelFiles.sample(words.get(0)) : Path.of(words.get(0));
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
