package org.npustudio.partition.editor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.Model;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.config.DeviceConfigReader;
import org.npustudio.npusim.optimise.Objective;
import org.npustudio.npusim.optimise.Optimised;
import org.npustudio.npusim.optimise.PlanOptimiser;
import org.npustudio.plan.AutoPartitioner;
import org.npustudio.plan.ModelRef;
import org.npustudio.plan.Partition;
import org.npustudio.plan.Plan;
import org.npustudio.plan.PlanValidator;
import org.npustudio.plan.yaml.DevicesYaml;
import org.npustudio.samples.NpuPresets;
import org.npustudio.yaml.SafeYaml;

/** The optimiser's plan as a proposal in the editor: rows against the current plan, accept all or some, undo. */
class PlanProposalTest {
    private final Model m = Models.sample("mobilenetv2");
    private final Plan current = capability(m);
    private static Optimised optimise(Model m, Plan current) throws Exception {
        Device npu = new DeviceConfigReader().read(SafeYaml.parse(NpuPresets.yaml("edge-npu-8tops"), "edge.yaml"));
        var r = new PlanOptimiser.Request(m.graph(), ModelRef.UNKNOWN, current.devices(), current.rest().device(), npu, null,
                Objective.LATENCY, null, null);
        return PlanOptimiser.optimise(r, PlanOptimiser.Listener.NONE);
    }

    private static Plan capability(Model m) {
        DevicesYaml.Loaded d = BuiltInDevices.load();
        return AutoPartitioner.partition(m.graph(), ModelRef.UNKNOWN, d.devices(), d.defaultDevice(), AutoPartitioner.Options.DEFAULT);
    }

    @Test
    void acceptingEveryPartitionGivesTheProposedAssignmentAndUndoGivesTheOldPlan() throws Exception {
        Optimised o = optimise(m, current);
        PlanProposal proposal = new PlanProposal(current, o);
        assertEquals(o.plan().partitions().size(), proposal.rows().size());
        assertTrue(proposal.rows().stream().anyMatch(PlanProposal.Row::changed), "the optimiser changes something on MobileNetV2");
        Plan all = proposal.accept(proposal.rows().stream().map(PlanProposal.Row::partition).toList());
        assertEquals(assignment(o.plan()), assignment(all));
        assertTrue(PlanValidator.validate(all, m.graph()).isLegal());

        PlanEditor editor = new PlanEditor(m.graph(), ModelRef.UNKNOWN, current);
        editor.apply(new PlanEdit.ReplacePlan("Optimise plan", proposal.acceptAll()));
        assertEquals(o.plan().partitions(), editor.plan().partitions());
        editor.undo();
        assertEquals(current, editor.plan());
    }

    @Test
    void acceptingOnePartitionMovesOnlyItsNodes() throws Exception {
        Optimised o = optimise(m, current);
        PlanProposal proposal = new PlanProposal(current, o);
        PlanProposal.Row row = proposal.rows().stream().filter(PlanProposal.Row::changed).findFirst().orElseThrow();
        Plan one = proposal.accept(List.of(row.partition()));
        Partition proposed = o.plan().partition(row.partition());
        var where = one.partitionByNode();
        String home = where.get(proposed.nodes().get(0).id());
        assertEquals(proposed.nodeIds(), one.partition(home).nodeIds(), "the accepted partition as proposed");
        assertEquals(proposed.device(), one.partition(home).device());
        assertEquals(proposed.fusionGroups(), one.partition(home).fusionGroups());
        for (var e : current.partitionByNode().entrySet()) {
            if (proposed.nodeIds().contains(e.getKey())) continue;
            assertEquals(current.partition(e.getValue()).device(), one.partition(where.get(e.getKey())).device(), e.getKey() + " stays");
        }
        assertEquals(current, proposal.accept(Set.of()), "accepting nothing changes nothing");
        assertFalse(proposal.rows().isEmpty());
    }

    private static java.util.Map<String, String> assignment(Plan p) {
        java.util.Map<String, String> m = new java.util.TreeMap<>();
        for (Partition part : p.partitions()) for (var n : part.nodes()) m.put(n.id(), part.device());
        return m;
    }
}
