package org.npustudio.npusim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.config.DeviceConfigReader;
import org.npustudio.npusim.config.NpuConfig;
import org.npustudio.plan.Precision;
import org.npustudio.testdata.TestData;
import org.npustudio.yaml.SafeYaml;
import org.npustudio.yaml.YamlException;

class DeviceConfigReaderTest {
    static Path presets() {
        return TestData.inCheckout("samples/npu");
    }

    @Test
    void everyPresetLoadsWithoutWarnings() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(presets())) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertEquals(6, files.size(), "five NPU presets and one CPU: " + files);
        for (Path f : files) {
            DeviceConfigReader r = new DeviceConfigReader();
            Device d = r.read(f);
            assertTrue(d.npu() != null || d.cpu() != null);
            assertTrue(r.warnings().isEmpty(), f + ": " + r.warnings());
        }
    }

    @Test
    void edgePresetIsEightTopsAtOneGigahertz() throws Exception {
        NpuConfig edge = new DeviceConfigReader().read(presets().resolve("edge-npu-8tops.yaml")).npu();
        assertEquals(4096, edge.macsPerCycle());
        assertEquals(8.19e12, 2 * edge.peakMacsPerSecond(), 0.01e12);
        assertTrue(edge.sram().unified());
        assertTrue(edge.supports(Precision.INT4_W8A));
        assertTrue(edge.supports("Conv") && !edge.supports("LSTM"));
        NpuConfig tpu = new DeviceConfigReader().read(presets().resolve("tpu-v1-like.yaml")).npu();
        assertEquals(6144L * 1024, tpu.sram().ifmapBytes());
        assertEquals(Dataflow.WS, tpu.dataflow());
    }

    @Test
    void mistakesNameLineAndKey() {
        String base = "name: x\nclock_mhz: 1000\narray: {rows: 8, cols: 8, dataflow: ws}\nsram: {ifmap_kb: 1, filter_kb: 1, ofmap_kb: 1}\ndram: {bandwidth_gbps: 1}\n";
        YamlException e = assertThrows(YamlException.class,
                () -> new DeviceConfigReader().read(SafeYaml.parse(base.replace("dataflow: ws", "dataflow: zz"), "n.yaml")));
        assertTrue(e.getMessage().startsWith("n.yaml: line 3") && e.getMessage().contains("array.dataflow")
                && e.getMessage().contains("os, ws or is"), e.getMessage());
        e = assertThrows(YamlException.class,
                () -> new DeviceConfigReader().read(SafeYaml.parse(base.replace("rows: 8", "rows: 0"), "n.yaml")));
        assertTrue(e.getMessage().contains("array.rows") && e.getMessage().contains("positive"), e.getMessage());
        e = assertThrows(YamlException.class,
                () -> new DeviceConfigReader().read(SafeYaml.parse(base.replace("dram: {bandwidth_gbps: 1}\n", ""), "n.yaml")));
        assertTrue(e.getMessage().contains("missing required key 'dram'"), e.getMessage());
        e = assertThrows(YamlException.class,
                () -> new DeviceConfigReader().read(SafeYaml.parse(base + "precisions: [int3]\n", "n.yaml")));
        assertTrue(e.getMessage().contains("line 6") && e.getMessage().contains("int3"), e.getMessage());
    }

    @Test
    void unknownKeysAreWarnedAbout() throws Exception {
        DeviceConfigReader r = new DeviceConfigReader();
        NpuConfig c = r.read(SafeYaml.parse("name: x\nclock_mhz: 1000\narray: {rows: 8, cols: 8, dataflow: os, colour: red}\n"
                + "sram: {activation_kb: 64, weight_kb: 32}\ndram: {bandwidth_gbps: 1}\n", "w.yaml")).npu();
        assertNotNull(c);
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).contains("array.colour"), r.warnings().get(0));
    }
}
