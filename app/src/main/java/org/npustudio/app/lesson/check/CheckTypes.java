package org.npustudio.app.lesson.check;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.npustudio.app.lesson.CheckRule;
import org.npustudio.error.StudioException;

/**
 * The check types a lesson may use, by the name written in {@code lesson.yaml} (docs/lessons.md "Checks").
 * A new type is one class implementing {@link CheckRule} and one line here.
 */
public final class CheckTypes {
    /** Keys every check has besides its parameters. */
    public static final Set<String> COMMON_KEYS = Set.of("type", "points", "hidden", "message");

    private interface Parser {
        CheckRule parse(CheckParams p) throws StudioException;
    }

    private static final Map<String, Parser> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put("answer", p -> new AnswerCheck());
        TYPES.put("node_count", NodeCountCheck::nodeCount);
        TYPES.put("no_op", NodeCountCheck::noOp);
        TYPES.put("op_present", NodeCountCheck::opPresent);
        TYPES.put("plan_legal", p -> new PlanLegalCheck());
        TYPES.put("partition_count", PartitionCountCheck::parse);
        TYPES.put("node_on_device", NodeOnDeviceCheck::parse);
        TYPES.put("partitions_equal", PartitionsEqualCheck::parse);
        TYPES.put("ort_equal", OrtEqualCheck::parse);
        TYPES.put("sqnr_min", SqnrCheck::parse);
        TYPES.put("latency_max_us", MeasureCheck::latencyMax);
        TYPES.put("dram_bytes_max", MeasureCheck::dramBytesMax);
        TYPES.put("dram_reduction_min", DramReductionCheck::parse);
        TYPES.put("measure", MeasureCheck::parse);
    }

    private CheckTypes() {}

    public static Set<String> names() { return TYPES.keySet(); }

    /** Parses the parameters of a check of type {@code type}; an unknown type or key is an error at its line. */
    public static CheckRule parse(String type, CheckParams p) throws StudioException {
        Parser parser = TYPES.get(type);
        if (parser == null) {
            throw p.place("type").error("unknown check type '" + type + "' (known: " + String.join(", ", TYPES.keySet()) + ")");
        }
        CheckRule rule = parser.parse(p);
        p.finish("check " + type);
        return rule;
    }
}
