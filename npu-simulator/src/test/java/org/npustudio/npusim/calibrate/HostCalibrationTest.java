package org.npustudio.npusim.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.host.HostMeasurer;
import org.npustudio.host.HostProfile;
import org.npustudio.ir.Model;
import org.npustudio.npusim.config.CpuConfig;
import org.npustudio.npusim.config.CpuConfigYaml;
import org.npustudio.npusim.config.DeviceConfigReader;
import org.npustudio.npusim.sim.DeviceSet;
import org.npustudio.npusim.sim.SimulationService;
import org.npustudio.onnx.ModelOpener;
import org.npustudio.testdata.TestData;

class HostCalibrationTest {
    @Test
    void fittingToMeasurementsReducesTheErrorOnThem(@TempDir Path dir) throws Exception {
        List<HostSample> samples = new ArrayList<>();
        for (String name : List.of("lenet5", "mlp")) {
            Path file = TestData.inCheckout("samples/models/" + name + ".onnx");
            Model m = ModelOpener.open(file);
            HostProfile p = HostMeasurer.measure(file, m, new HostMeasurer.Options(5, 2, 1, 0), null);
            samples.addAll(HostSample.of(SimulationService.workGraph(m.graph(), name, Map.of()), p, name).samples());
        }
        assertEquals(11 + 3, samples.size(), "every LeNet-5 node but Flatten (a free shape op), every MLP node");
        CpuConfig before = DeviceSet.GENERIC_HOST;
        CpuConfig after = HostCalibration.fit(before, samples);
        double lossBefore = HostCalibration.loss(before, samples), lossAfter = HostCalibration.loss(after, samples);
        assertTrue(lossAfter < lossBefore / 4, "log-squared loss " + lossBefore + " -> " + lossAfter);
        CalibrationReport r = CalibrationReport.of(samples, before, after);
        assertTrue(r.all().afterPercent() < r.all().beforePercent(), r.render());

        // what is written is what the simulator reads back (to the 6 digits written)
        Path yaml = Files.writeString(dir.resolve("cpu.yaml"), CpuConfigYaml.write(after, "test"));
        CpuConfig read = DeviceConfigReader.readAny(yaml, new ArrayList<>()).cpu();
        for (HostSample s : samples) assertEquals(s.predictedSeconds(after), s.predictedSeconds(read), s.predictedSeconds(after) * 1e-4, s.nodeId());
    }
}
