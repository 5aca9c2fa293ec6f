package org.npustudio.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.npustudio.error.StudioException;
import org.npustudio.plan.ModelRef;

class HostProfileJsonTest {
    private static final HostProfile PROFILE = new HostProfile(new ModelRef("m.onnx", "ab12"), "Test CPU @ 2GHz", 1, "1.23.2", 7, 2, 150.5,
            List.of(new HostProfile.NodeTime("conv1", "conv1", "Conv", 100.25, 90, 130),
                    new HostProfile.NodeTime("Relu_0", "", "Relu", 3.5, 3, 8)),
            List.of("Constant_0"));

    @Test
    void roundTripKeepsEveryField() throws StudioException {
        String json = HostProfileJson.toJson(PROFILE);
        assertEquals(PROFILE, HostProfileJson.parse(json, "HOST.json"));
        assertEquals(json, HostProfileJson.toJson(HostProfileJson.parse(json, "HOST.json")));
    }

    @Test
    void badInputNamesFilePlaceAndProblem() {
        String good = HostProfileJson.toJson(PROFILE);
        assertTrue(message("{").startsWith("HOST.json: line 1, column 2: not JSON: Unexpected end-of-input"), message("{"));
        assertEquals("HOST.json: format: expected \"npustudio-host-profile\"", message(good.replace("npustudio-host-profile", "other")));
        assertEquals("HOST.json: version: version 2 is not one this build reads (1)", message(good.replace("\"version\" : 1", "\"version\" : 2")));
        assertEquals("HOST.json: nodes[0].median_us: expected microseconds (a number from 0), got -1.0",
                message(good.replace("\"median_us\" : 100.25", "\"median_us\" : -1.0")));
        assertEquals("HOST.json: nodes[1]: expected min_us <= median_us <= max_us, got 3.0, 3.5, 1.0",
                message(good.replace("\"max_us\" : 8.0", "\"max_us\" : 1.0")));
        assertEquals("HOST.json: nodes[1].id: node 'conv1' is listed twice", message(good.replace("\"Relu_0\"", "\"conv1\"")));
        assertEquals("HOST.json: host.cpu: missing", message(good.replace("\"cpu\"", "\"cpuname\"").replace("\"cpuname\" : \"Test CPU @ 2GHz\",", "")));
        assertEquals("HOST.json: runz: unknown key; expected one of [format, host, model, model_median_us, node_sum_us, nodes, runs, unreported, version, warmup]",
                message(good.replace("\"warmup\"", "\"runz\" : 1,\n  \"warmup\"")));
    }

    private static String message(String text) {
        return assertThrows(StudioException.class, () -> HostProfileJson.parse(text, "HOST.json")).oneLine();
    }
}
