package org.npustudio.npusim.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.npusim.Dataflow;
import org.npustudio.plan.Precision;
import org.npustudio.yaml.SafeYaml;
import org.npustudio.yaml.YamlException;

class NpuFileEditTest {
    private static final String TEACHING = """
            # A small array for the classroom.
            version: 1
            kind: npu
            name: teaching-32x32
            clock_mhz: 500   # half a GHz
            array: {rows: 32, cols: 32, dataflow: os}
            sram:
              ifmap_kb: 256     # inputs
              filter_kb: 256
              ofmap_kb: 128
            dram: {bandwidth_gbps: 8, latency_ns: 100}
            precisions: [int8, int4, int4w8a]
            host_link: {bandwidth_gbps: 4, latency_us: 10}
            """;

    private static NpuConfig read(String text) throws YamlException {
        return new DeviceConfigReader().read(SafeYaml.parse(text, "npu.yaml")).npu();
    }

    @Test
    void replacesOnlyTheEditedValuesAndKeepsCommentsAndLayout() throws YamlException {
        NpuConfig base = read(TEACHING);
        NpuConfig edited = base.edited(base.name() + " (edited)", 750, 64, 16, Dataflow.WS,
                SramConfig.separate(512 * 1024, 64 * 1024, 96 * 1024), 12.5e9, Precision.INT4);
        String out = NpuFileEdit.apply(TEACHING, "npu.yaml", edited);
        assertEquals("""
                # A small array for the classroom.
                version: 1
                kind: npu
                name: teaching-32x32
                clock_mhz: 750   # half a GHz
                array: {rows: 64, cols: 16, dataflow: ws}
                sram:
                  ifmap_kb: 512     # inputs
                  filter_kb: 64
                  ofmap_kb: 96
                dram: {bandwidth_gbps: 12.5, latency_ns: 100}
                precisions: [int8, int4, int4w8a]
                host_link: {bandwidth_gbps: 4, latency_us: 10}
                default_precision: int4
                """, out);
        NpuConfig back = read(out);
        assertTrue(NpuFileEdit.sameEditableFields(back, edited));
        assertEquals("teaching-32x32", back.name(), "the file keeps its own name; '(edited)' is the pane's label");
        assertEquals(base.hostLinkBytesPerSecond(), back.hostLinkBytesPerSecond());
    }

    @Test
    void unchangedConfigGivesTheSameText() throws YamlException {
        assertEquals(TEACHING, NpuFileEdit.apply(TEACHING, "npu.yaml", read(TEACHING)));
    }

    @Test
    void savesAtomicallyIntoTheFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("npu.yaml");
        Files.writeString(f, TEACHING);
        NpuConfig base = read(TEACHING);
        NpuFileEdit.save(f, base.edited(base.name(), 500, 32, 32, Dataflow.IS, base.sram(), 8e9, Precision.INT8));
        assertEquals(Dataflow.IS, new DeviceConfigReader().read(f).npu().dataflow());
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary file left behind");
        }
    }

    @Test
    void refusesAnSramKindTheFileDoesNotHave() throws YamlException {
        NpuConfig base = read(TEACHING);
        NpuConfig unified = base.edited(base.name(), 500, 32, 32, Dataflow.OS, SramConfig.unified(1 << 20, 1 << 19), 8e9, Precision.INT8);
        YamlException e = assertThrows(YamlException.class, () -> NpuFileEdit.apply(TEACHING, "npu.yaml", unified));
        assertTrue(e.getMessage().contains("npu.yaml") && e.getMessage().contains("line 8"), e.getMessage());
    }

    @Test
    void refusesACpuDescription() {
        String cpu = "version: 1\nkind: cpu\nname: host\npeak_gflops: 100\nmemory_gbps: 10\n";
        NpuConfig any = new NpuConfig("x", 1, 1, 1, Dataflow.OS, 1, Map.of(), SramConfig.separate(1024, 1024, 1024), 1e9, 0,
                List.of(Precision.INT8), Precision.INT8, Set.of(), 1e9, 0);
        YamlException e = assertThrows(YamlException.class, () -> NpuFileEdit.apply(cpu, "cpu.yaml", any));
        assertTrue(e.getMessage().contains("CPU description"), e.getMessage());
    }
}
