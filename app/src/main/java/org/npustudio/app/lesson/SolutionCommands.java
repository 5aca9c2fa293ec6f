package org.npustudio.app.lesson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.error.StudioException;

/**
 * Reads {@code solution/commands.txt}: one {@code npustudio} command per line (words split on spaces),
 * {@code #} comments, {@code {ws}} standing for the workspace folder, and {@code [step-id]} lines that start
 * the commands run when that step is reached (commands before any such line run first).
 */
public final class SolutionCommands {
    private SolutionCommands() {}

    /** Commands by step id ("" for those before any step line), in order. */
    public static Map<String, List<List<String>>> read(Path file, Lesson lesson, Path workspace) throws StudioException {
        Map<String, List<List<String>>> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) return out;
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new StudioException(file.toString(), "", "cannot read: " + e.getMessage());
        }
        String step = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (line.startsWith("[") && line.endsWith("]")) {
                step = line.substring(1, line.length() - 1).strip();
                if (lesson.step(step).isEmpty()) throw new StudioException(file.toString(), "line " + (i + 1), "no step '" + step + "' in the lesson");
                continue;
            }
            if (line.startsWith("npustudio ")) line = line.substring("npustudio ".length()).strip();
            List<String> words = new ArrayList<>();
            for (String w : line.split("\\s+")) words.add(w.replace("{ws}", workspace.toString()));
            out.computeIfAbsent(step, k -> new ArrayList<>()).add(words);
        }
        return out;
    }
}
