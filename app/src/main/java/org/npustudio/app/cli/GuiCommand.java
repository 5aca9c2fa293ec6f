package org.npustudio.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import java.nio.file.Path;
import org.npustudio.app.ModelFiles;
import org.npustudio.app.lesson.Lesson;
import org.npustudio.app.lesson.LessonLibrary;
import org.npustudio.app.ui.StudioApp;
import org.npustudio.error.StudioException;

/** {@code npustudio gui [MODEL | --sample NAME | --lesson NAME [--workspace DIR]] [--present]}: opens the IDE window and returns when it is closed. */
@Command(name = "gui", description = "open the NPU Studio IDE, optionally with a model",
        footer = """
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
                  -Dnpustudio.recovery.dir=DIR    where partition plans are autosaved (~/.npustudio/recovery)""")
final class GuiCommand extends StudioCommand {
    @Parameters(paramLabel = "MODEL", arity = "0..1", description = "a model to open (with --sample: the sample's NAME)")
    String word;

    @Option(names = "--sample", description =
            "open the bundled sample named instead of MODEL (resnet50, mobilenetv2, lenet5, mlp, "
            + "transformer-encoder), building it first if it has not been written yet")
    boolean sample;

    @Option(names = "--lesson", paramLabel = "LESSON", description =
            "open a lesson (a bundled lesson's id, e.g. 01-reading-a-graph, or a lesson folder) in the "
            + "lesson pane, on its student workspace: a new or empty folder is started, an existing workspace "
            + "of this lesson continues (see docs/lessons.md)")
    String lessonName;

    @Option(names = "--workspace", paramLabel = "DIR", description = "the lesson's workspace (default ~/npustudio-lessons/<lesson id>)")
    Path workspaceDir;

    @Option(names = "--present", description = "start in presenter mode (F5 toggles it; View > Presenter Scale)")
    boolean present;

    @Override
    public int run() throws StudioException {
        if (lessonName != null && sample) throw usage("--lesson opens its workspace's model; it does not go with --sample");
        if (lessonName == null && workspaceDir != null) throw usage("--workspace needs --lesson");
        if (lessonName != null && word != null) throw usage("unexpected argument '" + word + "'");
        if (sample && word == null) throw usage("missing NAME");
        // The lesson is read first: a wrong name or a lesson file with a mistake is one line here, not a window.
        Lesson lesson = lessonName == null ? null : LessonLibrary.find(lessonName);
        if (!hasDisplay(ctx)) {
            throw new StudioException(name(), "", "no display to open a window on (DISPLAY is not set);"
                    + " run it in a desktop session or under xvfb-run");
        }
        Path model = word == null ? null : sample ? ModelFiles.sample(word) : Path.of(word);
        Path workspace = lesson == null ? null : workspaceDir != null ? workspaceDir
                : Path.of(System.getProperty("user.home"), "npustudio-lessons", lesson.id());
        StudioApp.launchAndWait(new StudioApp.Launch(model, lesson == null ? null : lesson.folder().toString(), workspace, present));
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
