package org.npustudio.npusim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.npustudio.npusim.scalesim.ConfigReader;
import org.npustudio.npusim.scalesim.ScaleSimConfig;
import org.npustudio.npusim.scalesim.TopologyLayer;
import org.npustudio.npusim.scalesim.TopologyReader;
import org.npustudio.testdata.TestData;

/** Our compute model against SCALE-Sim v2's own COMPUTE_REPORT.csv for ResNet-18 on a 256x256 array. */
class ScaleSimReferenceTest {
    static Path reference() {
        return TestData.shared("reference/scalesim");
    }

    @ParameterizedTest
    @CsvSource({"google_os.cfg, out_os", "google.cfg, out_ws"})
    void totalCyclesMatchScaleSimExactlyOnEveryLayer(String cfg, String out) throws Exception {
        Path ref = reference();
        ScaleSimConfig config = ConfigReader.read(ref.resolve(cfg));
        List<TopologyLayer> layers = TopologyReader.read(ref.resolve("Resnet18.csv"));
        SystolicArray array = new SystolicArray(config.arrayHeight(), config.arrayWidth(), config.dataflow());
        List<String> report = Files.readAllLines(ref.resolve(out).resolve("COMPUTE_REPORT.csv"));
        assertEquals(layers.size(), report.size() - 1);
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            String[] f = report.get(i + 1).split(",");
            long expected = Long.parseLong(f[1].trim());
            double overallUtil = Double.parseDouble(f[3].trim()) / 100;
            double mappingEff = Double.parseDouble(f[4].trim()) / 100;
            double computeUtil = Double.parseDouble(f[5].trim()) / 100;
            ComputeCost c = array.compute(layers.get(i).gemm());
            if (c.cycles() != expected) mismatches.add(layers.get(i).name() + ": " + c.cycles() + " vs " + expected);
            assertEquals(mappingEff, c.mappingEfficiency(), 1e-12, layers.get(i).name() + " mapping efficiency");
            assertEquals(overallUtil, c.utilisation(), 1e-12, layers.get(i).name() + " utilisation");
            assertEquals(computeUtil, c.computeUtilisation(), 1e-12, layers.get(i).name() + " compute utilisation");
        }
        assertTrue(mismatches.isEmpty(), config.dataflow() + " cycle mismatches: " + mismatches);
        System.out.println("[scalesim " + config.dataflow() + "] " + layers.size() + "/" + layers.size() + " layers match Total Cycles exactly");
    }
}
