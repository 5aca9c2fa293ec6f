package org.npustudio.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.onnx.ModelOpener;
import org.npustudio.plan.ModelRef;
import org.npustudio.testdata.TestData;

class HostMeasurerTest {
    @Test
    void lenet5GetsOneEntryPerNodeOrtRunsAndTheFileReadsBack(@TempDir Path dir) throws Exception {
        Path file = TestData.inCheckout("samples/models/lenet5.onnx");
        Model m = ModelOpener.open(file);
        List<Integer> progress = new ArrayList<>();
        HostProfile p = HostMeasurer.measure(file, m, new HostMeasurer.Options(3, 1, 1, 0), progress::add);

        assertEquals(List.of(1, 2, 3, 4), progress);
        assertEquals(ModelRef.of(file), p.model());
        Set<String> ids = m.graph().nodes().stream().map(Node::id).collect(Collectors.toSet());
        Set<String> seen = new java.util.HashSet<>(p.byId().keySet());
        seen.addAll(p.unreported());
        assertEquals(ids, seen, "every node is either measured or listed as unreported");
        // lenet5 has no Constant nodes: ORT runs a kernel for each of its nodes
        assertTrue(p.unreported().isEmpty(), () -> "unreported: " + p.unreported());
        for (HostProfile.NodeTime n : p.nodes()) {
            assertEquals(m.graph().nodes().stream().filter(x -> x.id().equals(n.id())).findFirst().orElseThrow().opType(), n.op());
            assertTrue(n.minMicros() <= n.medianMicros() && n.medianMicros() <= n.maxMicros(), n::toString);
        }
        assertTrue(p.modelMedianMicros() >= p.nodeSumMicros() * 0.5, "whole run is not far below the sum of its nodes");
        assertFalse(p.cpu().isBlank());
        Path out = dir.resolve("HOST.json");
        HostProfileJson.write(p, out);
        assertEquals(p, HostProfileJson.read(out));
    }
}
