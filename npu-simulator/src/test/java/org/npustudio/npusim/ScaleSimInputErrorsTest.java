package org.npustudio.npusim;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.npustudio.npusim.scalesim.ConfigReader;
import org.npustudio.npusim.scalesim.ScaleSimFormatException;
import org.npustudio.npusim.scalesim.TopologyReader;

class ScaleSimInputErrorsTest {
    private static final String HEADER = "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,";


    @Test
    void topologyErrorsNameFileLineAndField() {
        ScaleSimFormatException e = assertThrows(ScaleSimFormatException.class,
                () -> TopologyReader.parse(lines(HEADER, "c1,56,56,3,3,64,64,1,", "c2,56,x,3,3,64,64,1,"), "t.csv"));
        assertTrue(e.getMessage().startsWith("t.csv: line 3 field 'IFMAP Width'"), e.getMessage());
        e = assertThrows(ScaleSimFormatException.class, () -> TopologyReader.parse(lines(HEADER, "c1,56,56,3,3,0,64,1,"), "t.csv"));
        assertTrue(e.getMessage().contains("line 2 field 'Channels'") && e.getMessage().contains("positive"), e.getMessage());
        e = assertThrows(ScaleSimFormatException.class, () -> TopologyReader.parse(lines(HEADER, "c1,2,2,3,3,8,8,1,"), "t.csv"));
        assertTrue(e.getMessage().contains("larger than the ifmap"), e.getMessage());
        e = assertThrows(ScaleSimFormatException.class, () -> TopologyReader.parse(lines(HEADER, "c1,56,56"), "t.csv"));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("expected 8 values"), e.getMessage());
    }

    @Test
    void configErrorsNameTheKey() {
        List<String> base = List.of("[architecture_presets]", "ArrayHeight: 32", "ArrayWidth: 32", "IfmapSramSzkB: 64",
                "FilterSramSzkB: 64", "OfmapSramSzkB: 64");
        ScaleSimFormatException e = assertThrows(ScaleSimFormatException.class,
                () -> ConfigReader.parse(concat(base, "Dataflow : diagonal"), "a.cfg"));
        assertTrue(e.getMessage().contains("line 7 field 'Dataflow'") && e.getMessage().contains("os, ws or is"), e.getMessage());
        e = assertThrows(ScaleSimFormatException.class, () -> ConfigReader.parse(List.of("ArrayHeight: -4"), "a.cfg"));
        assertTrue(e.getMessage().contains("'ArrayHeight'") && e.getMessage().contains("positive"), e.getMessage());
        e = assertThrows(ScaleSimFormatException.class, () -> ConfigReader.parse(base, "a.cfg"));
        assertTrue(e.getMessage().contains("missing required key 'Dataflow'"), e.getMessage());
    }

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    private static List<String> concat(List<String> a, String b) {
        List<String> out = new java.util.ArrayList<>(a);
        out.add(b);
        return out;
    }
}
