package org.npustudio.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.npustudio.app.ModelFiles;
import org.npustudio.app.lesson.Lesson;
import org.npustudio.app.lesson.LessonLibrary;
import org.npustudio.app.ui.StudioApp;
import org.npustudio.error.StudioException;

/** {@code npustudio gui [MODEL | --sample NAME | --lesson NAME [--workspace DIR]] [--present]}: opens the IDE window and returns when it is closed. */
final class GuiCommand implements Command {
    @Override public String name() { return "gui"; }

    @Override public String synopsis() { return "[MODEL | --sample NAME | --lesson LESSON [--workspace DIR]] [--present]"; }

    @Override public String summary() { return "open the NPU Studio IDE, optionally with a model"; }

    @Override
    public String details() {
        return """
                --sample NAME   open a bundled sample (resnet50, mobilenetv2, lenet5, mlp, transformer-encoder),
                                building it first if it has not been written yet
                --lesson LESSON open a lesson (a bundled lesson's id, e.g. 01-reading-a-graph, or a lesson
                                folder) in the lesson pane, on its student workspace: a new or empty folder
                                is started, an existing workspace of this lesson continues (see docs/lessons.md)
                --workspace DIR the lesson's workspace (default ~/npustudio-lessons/<lesson id>)
                --present       start in presenter mode (F5 toggles it; View > Presenter Scale)
                Load errors are shown in the window. System properties (JAVA_OPTS):
                  -Dnpustudio.snapshot=FILE.png   write a PNG of the window once it has loaded, then quit
                  -Dnpustudio.partition.plan=PLAN.yaml|auto   with a snapshot: show the partition editor
                                                  on that plan (or auto-partitioned) first
                  -Dnpustudio.snapshot.optimise=NPU.yaml  with a plan: run Optimise plan… (latency) and
                                                  picture its proposal
                  -Dnpustudio.snapshot.step=ID    with a lesson: go to that step before the snapshot
                  -Dnpustudio.snapshot.check=true with a lesson: press the step's Check (or submit its
                                                  recorded answer) first, to show the feedback
                  -Dnpustudio.present.scale=S     presenter scale (1.6, 2 or 2.5; default 1.6)
                  -Dnpustudio.recovery.dir=DIR    where partition plans are autosaved (~/.npustudio/recovery)
                """;
    }

    @Override
    public int run(List<String> args, CliContext ctx) throws StudioException {
        Args a = Args.parse(name(), args, Set.of("--sample", "--present"), Set.of("--lesson", "--workspace"));
        String lessonName = a.value("--lesson");
        if (lessonName != null && a.has("--sample")) throw new UsageException(name(), "--lesson opens its workspace's model; it does not go with --sample");
        if (lessonName == null && a.value("--workspace") != null) throw new UsageException(name(), "--workspace needs --lesson");
        List<String> words = a.positional(a.has("--sample") ? 1 : 0, lessonName != null ? 0 : 1, a.has("--sample") ? "NAME" : "MODEL");
        // The lesson is read first: a wrong name or a lesson file with a mistake is one line here, not a window.
        Lesson lesson = lessonName == null ? null : LessonLibrary.find(lessonName);
        if (!hasDisplay(ctx)) {
            throw new StudioException(name(), "", "no display to open a window on (DISPLAY is not set);"
                    + " run it in a desktop session or under xvfb-run");
        }
        Path model = words.isEmpty() ? null : a.has("--sample") ? ModelFiles.sample(words.get(0)) : Path.of(words.get(0));
        Path workspace = lesson == null ? null : a.value("--workspace") != null ? Path.of(a.value("--workspace"))
                : Path.of(System.getProperty("user.home"), "npustudio-lessons", lesson.id());
        StudioApp.launchAndWait(new StudioApp.Launch(model, lesson == null ? null : lesson.folder().toString(), workspace, a.has("--present")));
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
