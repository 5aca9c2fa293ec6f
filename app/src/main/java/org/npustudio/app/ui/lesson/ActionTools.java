package org.npustudio.app.ui.lesson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javafx.scene.control.Button;
import javafx.scene.layout.FlowPane;
import org.npustudio.app.lesson.Step;
import org.npustudio.app.lesson.Workspaces;

/**
 * Buttons that take an action step to the view that does it, chosen by the step's {@code view.tab}: the pass
 * pipelines (default, and every pipeline file of the workspace), the partition editor and saving its plan
 * into the workspace, or the NPU simulation and saving the profiler's edited NPU into the workspace's npu.yaml.
 */
final class ActionTools extends FlowPane {
    private static final Set<String> ARTIFACTS = Set.of(Workspaces.PLAN, Workspaces.NPU, Workspaces.STATE);

    ActionTools(Step step, Path workspace, LessonHost host, Runnable savePlan, Runnable saveNpu) {
        super(6, 6);
        setId("lesson-tools");
        getStyleClass().add("lesson-tools");
        String tab = step.view() == null ? null : step.view().tab();
        if ("passes".equals(tab)) {
            getChildren().add(button("Run Default Pipeline", "lesson-run-default", () -> host.runPipeline(null)));
            for (Path p : pipelineFiles(workspace)) {
                String name = p.getFileName().toString();
                getChildren().add(button("Run " + name, "lesson-run-" + name.replaceAll("\\W+", "-"), () -> host.runPipeline(p)));
            }
        } else if ("partition".equals(tab)) {
            getChildren().add(button("Open Partition Editor", "lesson-open-partition", () -> host.withPartitionEditor(ws -> {})));
            getChildren().add(button("Save Plan to Workspace", "lesson-save-plan", savePlan));
        } else if ("profiler".equals(tab)) {
            getChildren().add(button("Simulate on NPU", "lesson-simulate", host::simulate));
            getChildren().add(button("Save NPU to Workspace", "lesson-save-npu", saveNpu));
        }
        setVisible(!getChildren().isEmpty());
        setManaged(!getChildren().isEmpty());
    }

    /** YAML files of the workspace other than its fixed artifacts whose text names passes: pipelines to run. */
    static List<Path> pipelineFiles(Path workspace) {
        try (Stream<Path> s = Files.list(workspace)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".yaml") && !ARTIFACTS.contains(p.getFileName().toString()))
                    .filter(ActionTools::namesPasses).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static boolean namesPasses(Path p) {
        try {
            return Files.readString(p).lines().anyMatch(l -> l.startsWith("passes:"));
        } catch (IOException e) {
            return false;
        }
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }
}
