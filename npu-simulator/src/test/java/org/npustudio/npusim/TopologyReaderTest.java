package org.npustudio.npusim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.npustudio.error.StudioException;
import org.npustudio.npusim.scalesim.TopologyLayer;
import org.npustudio.npusim.scalesim.TopologyReader;

/** SCALE-Sim topologies as SCALE-Sim writes them, plus quoted names; malformed CSV is one line naming file and line. */
class TopologyReaderTest {
    private static final String HEADER = "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides, \n";

    @Test
    void spacesTrailingCommasBlankLinesAndQuotedNames() throws Exception {
        String text = HEADER + "Conv1,224,224,7,7,3,64,2,\n\n   \n\"conv,2 \"\"a\"\"\", 56, 56, 3, 3, 64, 64, 1, \n\"multi\nline\",56,56,3,3,64,64,1,,,";
        List<TopologyLayer> layers = TopologyReader.parse(text, "t.csv");
        assertEquals(List.of("Conv1", "conv,2 \"a\"", "multi\nline"), layers.stream().map(TopologyLayer::name).toList());
        assertEquals(TopologyLayer.conv("conv,2 \"a\"", 56, 56, 3, 3, 64, 64, 1), layers.get(1), "values after spaces");
    }

    @Test
    void malformedCsvNamesFileAndLine() {
        StudioException e = assertThrows(StudioException.class,
                () -> TopologyReader.parse(HEADER + "c1,56,56,3,3,64,64,1,\n\"c2,56,56,3,3,64,64,1,\nc3,56,56,3,3,64,64,1,\n", "t.csv"));
        assertEquals("t.csv: line 3: not valid CSV: EOF reached before encapsulated token finished", e.getMessage());
        e = assertThrows(StudioException.class, () -> TopologyReader.parse(HEADER + "\"c1\"x,56,56,3,3,64,64,1,\n", "t.csv"));
        assertEquals("t.csv: line 2: not valid CSV: Invalid character between encapsulated token and delimiter", e.getMessage());
    }

    @Test
    void valueErrorsNameTheLineAQuotedLineBreakMovedTo() {
        StudioException e = assertThrows(StudioException.class,
                () -> TopologyReader.parse(HEADER + "\"two\nlines\",56,56,3,3,64,64,1,\n\nc3,56,56,3,3,-1,64,1,\n", "t.csv"));
        assertEquals("t.csv: line 5 field 'Channels': must be positive, got -1", e.getMessage());
    }
}
