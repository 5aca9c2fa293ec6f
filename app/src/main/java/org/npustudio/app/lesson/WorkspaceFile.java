package org.npustudio.app.lesson;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.error.StudioException;
import org.npustudio.io.AtomicFiles;
import org.npustudio.yaml.SafeYaml;
import org.npustudio.yaml.YamlException;
import org.npustudio.yaml.YamlNode;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** Reads and writes {@code lesson-workspace.yaml} (atomically; read with line-numbered errors). */
public final class WorkspaceFile {
    private WorkspaceFile() {}

    public static Path of(Path dir) { return dir.resolve(Workspaces.STATE); }

    public static boolean exists(Path dir) { return Files.isRegularFile(of(dir)); }

    public static WorkspaceState read(Path dir) throws StudioException {
        YamlNode root = SafeYaml.read(of(dir));
        Map<String, Answer> answers = new LinkedHashMap<>();
        Map<String, Prediction> predictions = new LinkedHashMap<>();
        Map<String, Integer> hints = new LinkedHashMap<>();
        Map<String, Integer> failed = new LinkedHashMap<>();
        if (root.get("answers") != null) {
            for (Map.Entry<String, YamlNode> e : root.get("answers").entries().entrySet()) {
                YamlNode v = e.getValue().require("value");
                answers.put(e.getKey(), new Answer(v.isSequence() ? v.textList() : List.of(v.text()), time(e.getValue().get("at"))));
            }
        }
        if (root.get("predictions") != null) {
            for (Map.Entry<String, YamlNode> e : root.get("predictions").entries().entrySet()) {
                YamlNode p = e.getValue();
                predictions.put(e.getKey(), new Prediction(p.require("value").doubleValue(), time(p.get("committed")),
                        p.get("revealed") == null ? null : p.get("revealed").doubleValue()));
            }
        }
        counts(root.get("hints-shown"), hints);
        counts(root.get("failed-checks"), failed);
        String current = root.get("current-step") == null ? null : root.get("current-step").text();
        return new WorkspaceState(root.require("lesson").text(), (int) root.require("version").longValue(), current,
                answers, predictions, hints, failed);
    }

    public static void write(Path dir, WorkspaceState s) throws StudioException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("lesson", s.lessonId());
        doc.put("version", s.lessonVersion());
        if (s.currentStep() != null) doc.put("current-step", s.currentStep());
        Map<String, Object> answers = new LinkedHashMap<>();
        s.answers().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("value", e.getValue().values().size() == 1 ? e.getValue().values().get(0) : e.getValue().values());
            if (e.getValue().at() != null) a.put("at", e.getValue().at().toString());
            answers.put(e.getKey(), a);
        });
        if (!answers.isEmpty()) doc.put("answers", answers);
        Map<String, Object> predictions = new LinkedHashMap<>();
        s.predictions().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Prediction p = e.getValue();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("value", p.value());
            if (p.committed() != null) m.put("committed", p.committed().toString());
            if (p.revealed() != null) {
                m.put("revealed", p.revealed());
                m.put("gap", p.gap());
            }
            predictions.put(e.getKey(), m);
        });
        if (!predictions.isEmpty()) doc.put("predictions", predictions);
        if (!s.hintsShown().isEmpty()) doc.put("hints-shown", new java.util.TreeMap<>(s.hintsShown()));
        if (!s.failedChecks().isEmpty()) doc.put("failed-checks", new java.util.TreeMap<>(s.failedChecks()));
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        AtomicFiles.writeString(of(dir), "# NPU Studio lesson workspace (written by npustudio; see docs/lessons.md)\n" + new Yaml(o).dump(doc));
    }

    private static Instant time(YamlNode n) throws YamlException {
        if (n == null) return null;
        try {
            return Instant.parse(n.text().trim());
        } catch (DateTimeParseException e) {
            throw n.error("'" + n.text() + "' is not a time such as 2025-01-31T10:15:30Z");
        }
    }

    private static void counts(YamlNode n, Map<String, Integer> into) throws YamlException {
        if (n == null) return;
        for (Map.Entry<String, YamlNode> e : n.entries().entrySet()) into.put(e.getKey(), (int) e.getValue().longValue());
    }
}
