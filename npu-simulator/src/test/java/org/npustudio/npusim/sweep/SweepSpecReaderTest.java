package org.npustudio.npusim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.npustudio.npusim.sweep.SweepSpec.PlanSpec;
import org.npustudio.npusim.sweep.SweepSpec.Sampling;
import org.npustudio.yaml.YamlException;

class SweepSpecReaderTest {
    private static SweepSpec parse(String text) throws YamlException {
        return SweepSpecReader.parse(text, "sweep.yaml", null);
    }

    private static String error(String text) {
        return assertThrows(YamlException.class, () -> parse(text)).oneLine();
    }

    @Test
    void readsListsRangesLog2SamplingModelsAndPlan() throws Exception {
        SweepSpec s = parse("""
                version: 1
                npu: base.yaml
                parameters:
                  array: {log2: [32, 256]}
                  dataflow: [WS, os]
                  dram_gbps: {range: [12.5, 25], step: 6.25}
                  precision: int8
                sampling: {lhs: {count: 10, seed: 3}}
                models:
                  - sample: resnet50
                  - file: m/x.onnx
                    input_shapes: {input: [1, 3, 32, 32]}
                    dims: {batch: 1}
                plan: {fixed: plan.yaml}
                """);
        assertEquals(List.of("array", "dataflow", "dram_gbps", "precision"), s.parameterKeys());
        assertEquals(List.of("32", "64", "128", "256"), s.axes().get(0).values());
        assertEquals(List.of("ws", "os"), s.axes().get(1).values());
        assertEquals(List.of("12.5", "18.75", "25"), s.axes().get(2).values());
        assertEquals(new Sampling(Sampling.Kind.LHS, 10, 3), s.sampling());
        assertEquals("x", s.models().get(1).name());
        assertEquals(List.of("input=1x3x32x32"), s.models().get(1).inputShapes());
        assertEquals(List.of("batch=1"), s.models().get(1).dims());
        assertEquals(PlanSpec.Kind.FIXED, s.plan().kind());
    }

    @Test
    void badInputIsOneLineNamingFileLineAndProblem() {
        String head = "npu: n.yaml\nmodels: [{sample: lenet5}]\nparameters:\n";
        assertEquals("sweep.yaml: line 4 column 12 (parameters.sram_mb): unknown parameter 'sram_mb'; parameters are "
                + String.join(", ", Parameter.keys()), error(head + "  sram_mb: [1, 2]\n"));
        assertEquals("sweep.yaml: line 4 column 18 (parameters.array.range): empty range: 16 is below 64",
                error(head + "  array: {range: [64, 16], step: 8}\n"));
        assertEquals("sweep.yaml: line 4 column 10 (parameters.array): empty range: array has no values", error(head + "  array: []\n"));
        assertEquals("sweep.yaml: line 5 column 18 (parameters.dataflow[1]): 'xs' is not a dataflow; use ws, os or is",
                error(head + "  array: [32]\n  dataflow: [ws, xs]\n"));
        assertEquals("sweep.yaml: line 4 column 10 (parameters.rows[0]): rows must be a whole number, not '3.5'", error(head + "  rows: [3.5]\n"));
        assertEquals("sweep.yaml: line 4 column 32 (parameters.array.step): step must be above 0",
                error(head + "  array: {range: [1, 4], step: 0}\n"));
        String noParams = error("npu: n.yaml\nmodels: [{sample: lenet5}]\nparameters: {}\n");
        assertEquals("sweep.yaml: line 3 column 13 (parameters): no parameters: give at least one, e.g. array: [32, 64]", noParams);
        String unknownKey = error("npu: n.yaml\nmodels: [{sample: lenet5}]\nparameters: {array: [8]}\nsampling: {sobol: {count: 3}}\n");
        assertEquals("sweep.yaml: line 4 column 19 (sampling.sobol): unknown sampling 'sobol'; use grid, random or lhs", unknownKey);
    }
}
