package org.npustudio.plan.yaml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Graph;
import org.npustudio.plan.ModelRef;
import org.npustudio.plan.nestc.NestcConverter;
import org.npustudio.plan.nestc.NestcPlanFormat;
import org.npustudio.yaml.SafeYaml;
import org.npustudio.yaml.YamlNode;

/**
 * The one way to open a plan file, whatever its format: NPU Studio's (docs/partition-format.md), NEST-C's
 * (a flat map with {@code nodeToPartition}) or the simulator's device-assignment YAML (docs/npu-simulator.md),
 * each converted into a {@link org.npustudio.plan.Plan}. The formats are told apart here and nowhere else.
 */
public final class PlanFiles {
    public enum Format {
        NPUSTUDIO("NPU Studio plan"), NESTC("NEST-C plan"), ASSIGNMENT("device-assignment plan");

        private final String displayName;

        Format(String displayName) { this.displayName = displayName; }

        public String displayName() { return displayName; }
    }

    /** A loaded plan, the format it was in, and warnings. */
    public record Opened(org.npustudio.plan.Plan plan, Format format, List<String> warnings) {}

    private PlanFiles() {}

    /**
     * @param graph  the model's graph, to map NEST-C's Glow names to ONNX nodes (may be null)
     * @param actual the model actually opened, to warn when the plan was made for another (may be null)
     */
    public static Opened read(Path file, Graph graph, ModelRef actual) throws StudioException {
        YamlNode doc = SafeYaml.read(file);
        if (NestcPlanFormat.looksLikeNestc(doc)) {
            NestcPlanFormat.Loaded raw = NestcPlanFormat.read(doc);
            NestcConverter.Imported imp = NestcConverter.toPlan(raw.plan(), graph, actual);
            List<String> w = new ArrayList<>(raw.warnings());
            w.addAll(imp.warnings());
            return new Opened(imp.plan(), Format.NESTC, w);
        }
        if (AssignmentPlanYaml.looksLikeAssignment(doc)) {
            PlanYaml.Loaded l = AssignmentPlanYaml.read(doc, file.toAbsolutePath().getParent());
            return new Opened(l.plan(), Format.ASSIGNMENT, l.warnings());
        }
        PlanYaml.Loaded l = PlanYaml.read(file, actual);
        return new Opened(l.plan(), Format.NPUSTUDIO, l.warnings());
    }
}
