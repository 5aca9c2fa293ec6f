package org.npustudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.app.TestModels;

class CliErrorsTest {
    @TempDir Path dir;

    /** A user error: status 2, exactly one line on stderr, nothing on stdout, no stack trace. */
    static String userError(CliRun r) {
        assertEquals(2, r.status(), r.err());
        assertEquals("", r.out());
        assertEquals(1, r.errLines().length, r.err());
        String line = r.errLines()[0];
        assertTrue(line.startsWith("npustudio: "), line);
        assertFalse(line.contains("Exception") || line.contains("\tat "), line);
        return line;
    }

    @Test
    void brokenModelFile() throws Exception {
        Path bad = TestModels.broken(dir.resolve("broken.onnx"));
        String line = userError(CliRun.of("inspect", bad.toString()));
        assertTrue(line.startsWith("npustudio: " + bad + ": "), line);
        assertTrue(line.contains("not a readable ONNX protobuf"), line);
    }

    @Test
    void missingFileAndDirectory() {
        Path missing = dir.resolve("nope.onnx");
        assertEquals("npustudio: " + missing + ": no such file", userError(CliRun.of("inspect", missing.toString())));
        assertEquals("npustudio: " + dir + ": is a directory, not an ONNX model file",
                userError(CliRun.of("inspect", dir.toString())));
    }

    @Test
    void emptyAndNonModelFiles() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.onnx"));
        assertTrue(userError(CliRun.of("inspect", empty.toString())).contains("empty"));
        Path text = Files.writeString(dir.resolve("readme.onnx"), "hello, I am not a model\n");
        assertTrue(userError(CliRun.of("inspect", text.toString())).startsWith("npustudio: " + text + ": "));
    }

    @Test
    void badCommandLines() {
        assertTrue(userError(CliRun.of("inspect")).contains("inspect: missing MODEL"));
        assertTrue(userError(CliRun.of("inspect", "a.onnx", "b.onnx")).contains("unexpected argument 'b.onnx'"));
        assertTrue(userError(CliRun.of("inspect", "--yaml", "a.onnx")).contains("inspect: unknown option '--yaml'"));
        assertTrue(userError(CliRun.of("frobnicate")).contains("unknown command 'frobnicate'"));
        assertTrue(userError(CliRun.of("--frob")).contains("unknown option '--frob'"));
        assertTrue(userError(CliRun.of("help", "frobnicate")).contains("unknown command 'frobnicate'"));
    }

    @picocli.CommandLine.Command(name = "crash", description = "fails with a bug")
    static final class Crash extends StudioCommand {
        @Override public int run() { throw new IllegalStateException("bug\nhere"); }
    }

    @Test
    void internalErrorsAreOneLineUnlessDebugging() {
        CliRun quiet = CliRun.with(Commands.builtIn().add(Crash::new), Map.of(), "crash");
        assertEquals(1, quiet.status());
        assertEquals(1, quiet.errLines().length, quiet.err());
        assertTrue(quiet.err().contains("internal error: java.lang.IllegalStateException: bug here"), quiet.err());
        CliRun debug = CliRun.with(Commands.builtIn().add(Crash::new), Map.of("NPUSTUDIO_DEBUG", "1"), "crash");
        assertEquals(1, debug.status());
        assertTrue(debug.err().contains("\tat "), "NPUSTUDIO_DEBUG=1 shows the trace");
    }

    @Test
    void helpAndVersion() {
        CliRun help = CliRun.of("help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("Usage: npustudio COMMAND [ARGS]"));
        for (String c : List.of("inspect", "gui", "help", "version")) {
            assertTrue(help.out().lines().anyMatch(l -> l.startsWith("  " + c + " ")), c);
        }
        assertEquals(help.out(), CliRun.of("--help").out());
        assertEquals(help.out(), CliRun.of().out());
        CliRun inspectHelp = CliRun.of("inspect", "--help");
        assertEquals(0, inspectHelp.status());
        assertTrue(inspectHelp.out().startsWith("Usage: npustudio inspect [-h] [--json]"), inspectHelp.out());
        assertEquals(inspectHelp.out(), CliRun.of("help", "inspect").out());
        assertTrue(userError(CliRun.of("inspect", "--", "--help")).contains("--help: no such file"), "after --, a file name");
        CliRun version = CliRun.of("--version");
        assertEquals(0, version.status());
        assertTrue(version.out().matches("npustudio \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(Java .*\\)\\n"), version.out());
    }

    @Test
    void guiWithoutADisplayIsAUserError() {
        // Surefire runs with the Monocle platform, under which a window can always open; simulate a
        // plain Linux shell without DISPLAY by clearing that property for this call.
        String saved = System.getProperty("glass.platform");
        System.clearProperty("glass.platform");
        try {
            if (!System.getProperty("os.name").toLowerCase().contains("linux")) return;
            CliRun r = CliRun.with(Commands.builtIn(), Map.of(), "gui");
            assertTrue(userError(r).contains("gui: no display"), r.err());
        } finally {
            if (saved != null) System.setProperty("glass.platform", saved);
        }
    }

    @Test
    void guiLessonOptionsAreCheckedBeforeAnyWindowOpens() {
        assertTrue(userError(CliRun.of("gui", "--workspace", dir.toString())).contains("gui: --workspace needs --lesson"));
        assertTrue(userError(CliRun.of("gui", "--lesson", "x", "--sample", "lenet5")).contains("does not go with --sample"));
        assertTrue(userError(CliRun.of("gui", "--lesson", "x", "model.onnx")).contains("unexpected argument 'model.onnx'"));
        Path missing = dir.resolve("no-such-lesson");
        String line = userError(CliRun.of("gui", "--lesson", missing.toString()));
        assertTrue(line.startsWith("npustudio: " + missing + ": no such lesson folder or bundled lesson"), line);
    }
}
