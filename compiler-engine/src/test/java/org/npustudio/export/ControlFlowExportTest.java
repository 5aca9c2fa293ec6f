package org.npustudio.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.OpsetId;
import org.npustudio.ir.Shape;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.ValueInfo;
import org.npustudio.onnx.OnnxReader;
import org.npustudio.onnx.OnnxWriter;
import org.npustudio.plan.AutoPartitioner;
import org.npustudio.plan.Device;
import org.npustudio.plan.DeviceKind;
import org.npustudio.plan.ModelRef;
import org.npustudio.plan.NodeRef;
import org.npustudio.plan.Plan;
import org.npustudio.plan.PlanIssue;
import org.npustudio.plan.PlanValidator;
import org.npustudio.plan.ValidationReport;
import org.npustudio.runtime.OrtRunner;
import org.npustudio.shape.ShapeInference;

/** An If node is one unit: its bodies' outer-scope reads are its partition's inputs or weights, never split. */
class ControlFlowExportTest {
    /** pre = Relu(x); k = Constant; y = If(c, then: pre + k, else: pre * k); z = Sigmoid(y). */
    private static Model ifModel() throws Exception {
        Graph then = new Graph("then");
        then.addNode(new Node("then_add", "then_add", "Add", "", List.of("pre", "k"), List.of("t")));
        then.addOutput(ValueInfo.tensor("t", DataType.FLOAT, Shape.of(4)));
        Graph els = new Graph("else");
        els.addNode(new Node("else_mul", "else_mul", "Mul", "", List.of("pre", "k"), List.of("e")));
        els.addOutput(ValueInfo.tensor("e", DataType.FLOAT, Shape.of(4)));
        Graph g = new Graph("if");
        g.addInput(ValueInfo.tensor("x", DataType.FLOAT, Shape.of(4)));
        g.addInput(ValueInfo.tensor("c", DataType.BOOL, Shape.of()));
        g.addNode(new Node("pre", "pre", "Relu", "", List.of("x"), List.of("pre")));
        Node k = new Node("k", "k", "Constant", "", List.of(), List.of("k"));
        k.setAttribute(Attribute.of("value", Tensor.ofFloats("k", new long[] {4}, new float[] {0.5f, -2f, 3f, 0.25f})));
        g.addNode(k);
        Node branch = new Node("branch", "branch", "If", "", List.of("c"), List.of("y"));
        branch.setAttribute(Attribute.of("then_branch", then));
        branch.setAttribute(Attribute.of("else_branch", els));
        g.addNode(branch);
        g.addNode(new Node("sig", "sig", "Sigmoid", "", List.of("y"), List.of("z")));
        g.addOutput(ValueInfo.tensor("z", DataType.FLOAT, Shape.of(4)));
        Model m = new Model(g);
        m.setIrVersion(8);
        m.opsetImports().add(new OpsetId("", 17));
        Model read = OnnxReader.read(OnnxWriter.toBytes(m), "if.onnx", null);
        ShapeInference.infer(read);
        return read;
    }

    @Test
    void theIfPartitionReadsItsBodiesOuterValuesAndCarriesTheirWeights() throws Exception {
        Model m = ifModel();
        // Constant k in the first partition, the If in the second: k must be copied, not sent
        Plan plan = SplitModels.plan(m, List.of(List.of("pre", "k"), List.of("branch"), List.of("sig")));
        PartitionSplitter.Split split = PartitionSplitter.split(m, plan);
        PartitionModel ifPart = split.pieces().get(1);
        assertEquals(List.of("c", "pre"), ifPart.inputs(), "the condition and the bodies' outer-scope read");
        assertEquals(List.of("k", "branch"), ifPart.proto().getGraph().getNodeList().stream().map(n -> n.getName()).toList(),
                "the Constant the bodies read is copied in");
        assertEquals(List.of("pre"), split.pieces().get(0).outputs(), "k does not leave its partition");
        for (boolean c : new boolean[] {true, false}) {
            Map<String, Tensor> in = Map.of("x", Tensor.ofFloats("x", new long[] {4}, new float[] {1f, -1f, 2f, 0.5f}),
                    "c", Tensor.raw("c", DataType.BOOL, new long[0], new byte[] {(byte) (c ? 1 : 0)}));
            assertTrue(SanityChecker.check(split, m, in, OrtRunner.Options.DETERMINISTIC).identical());
        }
    }

    @Test
    void bodyNodesCannotBePlacedAndAutoPartitionKeepsTheIfWhole() throws Exception {
        Model m = ifModel();
        Plan plan = Plan.empty(ModelRef.UNKNOWN, List.of(Device.of("cpu", DeviceKind.CPU, 0)), "cpu")
                .createPartition("p0", "cpu", List.of(NodeRef.named("then_add")));
        ValidationReport r = PlanValidator.validate(plan, m.graph());
        assertTrue(r.issues().stream().anyMatch(i -> i.kind() == PlanIssue.Kind.UNKNOWN_NODE && i.message().contains("then_add")), r.issues().toString());

        Device npu = Device.of("npu0", DeviceKind.NPU, 0).withSupport(java.util.Set.of("Relu", "Add", "Mul", "Sigmoid"), java.util.Set.of());
        Plan auto = AutoPartitioner.partition(m.graph(), ModelRef.UNKNOWN, List.of(npu, Device.of("cpu", DeviceKind.CPU, 0)), "cpu",
                AutoPartitioner.Options.DEFAULT);
        assertEquals(List.of("npu0", "cpu", "npu0"), auto.partitions().stream().map(p -> p.device()).toList());
        assertEquals(List.of("k", "branch"), auto.partitions().get(1).nodes().stream().map(NodeRef::id).toList(),
                "the If is one cpu unit; its Constant joins the first reader");
        assertTrue(PlanValidator.validate(auto, m.graph()).isLegal());
    }
}
