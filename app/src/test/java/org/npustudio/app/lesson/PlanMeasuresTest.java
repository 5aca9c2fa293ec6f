package org.npustudio.app.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.app.ModelFiles;
import org.npustudio.error.StudioException;
import org.npustudio.plan.AutoPartitioner;
import org.npustudio.plan.ModelRef;
import org.npustudio.plan.Plan;
import org.npustudio.plan.yaml.DevicesYaml;
import org.npustudio.plan.yaml.PlanYaml;

/**
 * The partitioning measures and check of lesson 3 on LeNet-5 with an NPU that cannot run Tanh: the capability
 * plan alternates NPU and CPU (5 + 4 partitions in a chain, so 8 tensors cross the host link), and its exported
 * partitions chained in ONNX Runtime compute the whole model bit for bit.
 */
class PlanMeasuresTest {
    static final String DEVICES = """
            version: 1
            default_device: cpu
            devices:
              - {name: npu0, kind: npu, supported_ops: [Conv, Gemm, AveragePool, Flatten]}
              - {name: cpu, kind: cpu}
            """;
    static final String STEPS = """
              - {id: guess, type: predict, title: G, text: g, measure: {type: partitions, devices: devices.yaml, device: npu}, unit: partitions}
              - id: plan
                type: action
                title: Plan
                text: partition
                checks:
                  - {type: partitions_equal, points: 2, message: "The partitions do not compute the model."}
                  - {type: measure, measure: {type: transfers}, compare: "<=", value: 8, points: 1, message: "Too many transfers."}
            """;

    @TempDir Path dir;
    Lesson lesson;

    @BeforeEach
    void read() throws Exception {
        Path folder = LessonFixture.write(dir, "plans", LessonFixture.header("plans", 1).replace("steps:", "  devices.yaml: devices.yaml\nsteps:") + STEPS);
        Files.writeString(folder.resolve("devices.yaml"), DEVICES);
        lesson = LessonReader.read(folder);
    }

    private static double measure(String yaml, WorkState w) throws Exception {
        Measure m = org.npustudio.app.lesson.check.MeasureReader.read(org.npustudio.yaml.SafeYaml.parse(yaml, "test"));
        return Measures.compute(m, w);
    }

    @Test
    void capabilityPlanIsCountedWithoutAPlanInTheWorkspace() throws Exception {
        WorkState w = WorkState.ofStart(lesson);
        assertEquals(9, measure("{type: partitions, devices: devices.yaml}", w));
        assertEquals(5, measure("{type: partitions, devices: devices.yaml, device: npu}", w));
        assertEquals(4, measure("{type: partitions, devices: devices.yaml, device: cpu}", w));
        StudioException e = assertThrows(StudioException.class, () -> measure("{type: partitions}", w));
        assertTrue(e.getMessage().contains("plan.yaml") && e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void theWorkspacePlanIsCountedSimulatedAndProvenEqual() throws Exception {
        LessonSession s = LessonSession.start(lesson, dir.resolve("ws"));
        Grade before = s.grade();
        assertFalse(before.full(), "without a plan the plan checks fail");

        Path model = s.workspace().resolve(Workspaces.MODEL);
        DevicesYaml.Loaded d = DevicesYaml.read(s.workspace().resolve("devices.yaml"));
        Plan auto = AutoPartitioner.partition(ModelFiles.open(model).graph(), ModelRef.of(model), d.devices(), d.defaultDevice(),
                AutoPartitioner.Options.DEFAULT);
        PlanYaml.write(auto, s.workspace().resolve(Workspaces.PLAN));
        s.refresh();
        assertEquals(9, measure("{type: partitions}", s.work()));
        assertEquals(8, measure("{type: transfers}", s.work()), "a chain of 9 partitions crosses 8 times");

        StepResult r = s.check("plan");
        assertTrue(r.passed(), r.checks().toString());
        assertTrue(r.checks().get(0).detail().contains("9 partitions, identical"), r.checks().get(0).detail());
    }
}
