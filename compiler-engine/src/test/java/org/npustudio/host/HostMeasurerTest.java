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

    @Test
    void aModelOrtRefusesIsOneLineNamingTheFileAndOrtsReason(@TempDir Path dir) throws Exception {
        byte[] mlp = java.nio.file.Files.readAllBytes(TestData.inCheckout("samples/models/mlp.onnx"));
        // op_type field (tag 0x22, length 4) "Gemm" -> "Gemx": our reader keeps it as an opaque op, ORT has no kernel
        String latin = new String(mlp, java.nio.charset.StandardCharsets.ISO_8859_1).replace("\"\004Gemm", "\"\004Gemx");
        Path bad = java.nio.file.Files.write(dir.resolve("bad.onnx"), latin.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Model m = ModelOpener.open(bad);
        String line = org.junit.jupiter.api.Assertions.assertThrows(org.npustudio.error.StudioException.class,
                () -> HostMeasurer.measure(bad, m, HostMeasurer.Options.DEFAULT, null)).oneLine();
        assertTrue(line.startsWith(bad + ": ONNX Runtime cannot load it: ") && line.contains("Gemx"), line);
        assertFalse(line.contains("\n"));
    }
}
