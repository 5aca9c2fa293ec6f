package org.npustudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code npustudio completion bash|zsh}: a script bash accepts and whose completion function completes the real commands. */
class CompletionCommandTest {
    @TempDir Path dir;

    @Test
    void bashScriptParsesAndCompletesCommandsAndOptions() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "no /bin/bash on this machine");
        CliRun r = CliRun.of("completion", "bash");
        assertEquals(0, r.status(), r.err());
        Path script = Files.writeString(dir.resolve("npustudio_completion"), r.out());
        assertEquals("", bash("bash -n " + script + " 2>&1"), "bash -n finds no syntax error");
        assertEquals("inspect", complete(script, "npustudio ins"));
        assertEquals("--strategy", complete(script, "npustudio partition auto --str"));
        List<String> subs = List.of(complete(script, "npustudio lesson ").split(" "));
        assertTrue(subs.containsAll(List.of("list", "start", "check", "answer", "hint", "validate")), subs.toString());
    }

    @Test
    void zshGetsTheBashScriptThroughBashcompinit() {
        CliRun zsh = CliRun.of("completion", "zsh");
        assertEquals(0, zsh.status(), zsh.err());
        assertTrue(zsh.out().contains("bashcompinit") && zsh.out().contains("complete -F _complete_npustudio"), zsh.out());
        CliRun fish = CliRun.of("completion", "fish");
        assertEquals(2, fish.status());
        assertTrue(fish.err().startsWith("npustudio: completion: ") && fish.err().contains("'fish'"), fish.err());
    }

    /** What the script's completion function offers for {@code line} (the cursor at its end). */
    private String complete(Path script, String line) throws IOException, InterruptedException {
        return bash("source " + script + "; COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}; read -ra COMP_WORDS <<< \"$COMP_LINE\";"
                + (line.endsWith(" ") ? " COMP_WORDS+=('');" : "") + " COMP_CWORD=$((${#COMP_WORDS[@]} - 1));"
                + " _complete_npustudio 2>/dev/null; echo \"${COMPREPLY[@]}\"");
    }

    private static String bash(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/bin/bash", "-c", command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
