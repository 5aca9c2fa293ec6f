package org.npustudio.app.ui.lesson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.npustudio.app.lesson.Lesson;
import org.npustudio.app.lesson.SolutionCommands;
import org.npustudio.app.lesson.Step;
import org.npustudio.yaml.SafeYaml;
import org.npustudio.yaml.YamlNode;

/**
 * A lesson's reference solution as the scripted correct student reads it (docs/lessons.md): the answers,
 * each step's npustudio commands and files, and the files copied over the workspace at the end.
 */
record Solution(Lesson lesson, Map<String, YamlNode> answers) {
    static Solution of(Lesson lesson) throws Exception {
        Path file = lesson.solutionFolder().resolve("answers.yaml");
        return new Solution(lesson, Files.isRegularFile(file) ? SafeYaml.read(file).entries() : Map.of());
    }

    /** The answer as the pane takes it: option ids, or a number as text. */
    List<String> answer(Step s) throws Exception {
        YamlNode a = answers.get(s.id());
        if (a == null) throw new AssertionError(lesson.id() + ": no solution answer for step " + s.id());
        return a.isSequence() ? a.textList() : List.of(a.text());
    }

    double number(Step s) throws Exception {
        return answers.get(s.id()).doubleValue();
    }

    /** The step's commands with {@code {ws}} standing for {@code workspace} (the commands before any step come with the first step). */
    List<List<String>> commands(Step s, Path workspace) throws Exception {
        Map<String, List<List<String>>> all = SolutionCommands.read(lesson.solutionFolder().resolve("commands.txt"), lesson, workspace);
        List<List<String>> out = new java.util.ArrayList<>();
        if (lesson.steps().get(0).id().equals(s.id())) out.addAll(all.getOrDefault("", List.of()));
        out.addAll(all.getOrDefault(s.id(), List.of()));
        return out;
    }

    /** Files of {@code solution/<step-id>/}. */
    List<Path> stepFiles(Step s) throws IOException { return files(lesson.solutionFolder().resolve(s.id())); }

    /** Files of {@code solution/} copied over the workspace at the end (not answers.yaml or commands.txt). */
    List<Path> endFiles() throws IOException {
        Set<String> skip = Set.of("answers.yaml", "commands.txt");
        return files(lesson.solutionFolder()).stream().filter(p -> !skip.contains(p.getFileName().toString())).toList();
    }

    /**
     * For {@code compile WS/model.onnx [--pipeline P] -o WS/model.onnx}: the pipeline (empty for the default),
     * which the student runs in the pass diff view; otherwise empty (a command of another kind).
     */
    static Optional<Optional<Path>> compileOverModel(List<String> c, Path workspace) {
        String model = workspace.resolve("model.onnx").toString();
        if (c.size() < 4 || !c.get(0).equals("compile") || !c.get(1).equals(model)) return Optional.empty();
        List<String> rest = c.subList(2, c.size());
        if (rest.equals(List.of("-o", model))) return Optional.of(Optional.empty());
        if (rest.size() == 4 && rest.get(0).equals("--pipeline") && rest.get(2).equals("-o") && rest.get(3).equals(model)) {
            return Optional.of(rest.get(1).equals("default") ? Optional.empty() : Optional.of(Path.of(rest.get(1))));
        }
        return Optional.empty();
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
