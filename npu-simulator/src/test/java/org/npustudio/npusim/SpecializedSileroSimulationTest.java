package org.npustudio.npusim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.npustudio.ir.Model;
import org.npustudio.npusim.config.DeviceConfigReader;
import org.npustudio.npusim.sim.SimulationResult;
import org.npustudio.npusim.sim.SimulationService;
import org.npustudio.onnx.ModelOpener;
import org.npustudio.shape.ShapeBinding;
import org.npustudio.testdata.TestData;

/**
 * Silero VAD opened as {@code --input-shape … --input-value sr=16000} gives it: the model is specialised
 * for 16 kHz (no If left), so the simulator costs the 16 kHz path itself: positive MACs, nothing uncosted
 * (v5/v6 unspecialised: 0 MACs, their If not costed).
 */
class SpecializedSileroSimulationTest {
    @ParameterizedTest
    @ValueSource(strings = {"silero_vad_v4.onnx", "silero_vad_v5.onnx", "silero_vad_v6.onnx"})
    void specialisedSileroHasPositiveMacs(String file) throws Exception {
        List<String> shapes = file.equals("silero_vad_v4.onnx") ? List.of("input=1x512", "h=2x1x64", "c=2x1x64")
                : List.of("input=1x512", "state=2x1x128");
        var npu = new DeviceConfigReader().read(Path.of("../samples/npu/edge-npu-8tops.yaml")).npu();
        Model bound = ModelOpener.open(TestData.realModel(file), ShapeBinding.parse(shapes, List.of()));
        SimulationResult before = SimulationService.simulate(bound.graph(), npu, null, null, SimulationService.Options.DEFAULT);
        Model m = ModelOpener.open(TestData.realModel(file), ShapeBinding.parse(shapes, List.of()).withValues(List.of("sr=16000")));
        assertEquals(0, m.graph().nodes().stream().filter(n -> n.opType().equals("If")).count(), file);
        SimulationResult r = SimulationService.simulate(m.graph(), npu, null, null, SimulationService.Options.DEFAULT);
        System.out.printf("[figure] %s: MACs %d (uncosted %d) unspecialised, %d (uncosted %d) with sr=16000%n", file,
                before.total().macs(), before.total().uncosted(), r.total().macs(), r.total().uncosted());
        assertTrue(r.total().macs() > 0, file);
        assertEquals(0, r.total().uncosted(), file);
        // unspecialised, the If is either not costed (v5/v6: its LSTM input's shape is unknown) or costed
        // as its dearer branch (v4), never below the 16 kHz branch alone
        assertTrue(before.total().uncosted() > 0 || before.total().macs() >= r.total().macs(), file);
    }
}
