package org.npustudio.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.npustudio.error.StudioException;

class CsvTest {
    static final List<String> AWKWARD = List.of("a,b", "say \"hi\"", "two\nlines", "cr\r\nlf", "#not a comment", " edges ", "", "é/ü:0");

    @Test
    void awkwardCellsRoundTripAndPlainOnesAreNotQuoted() throws Exception {
        String text = Csv.write(Csv.FORMAT, out -> {
            out.printRecord("plain", 1.5, 7L);
            out.printRecord(AWKWARD);
        });
        assertEquals("plain,1.5,7\n\"a,b\",\"say \"\"hi\"\"\",", text.substring(0, text.indexOf("\"two")));
        List<Csv.Row> rows = Csv.read(text, Csv.FORMAT, "t.csv");
        assertEquals(List.of("plain", "1.5", "7"), rows.get(0).cells());
        assertEquals(AWKWARD, rows.get(1).cells());
        assertEquals(List.of(1, 2), rows.stream().map(Csv.Row::line).toList());
    }

    @Test
    void rowsKnowTheLineTheyStartOn() throws Exception {
        String text = "a\n\n\"b\nc\",d\r\n\"e\r\nf\"\ng";
        assertEquals(List.of(1, 3, 5, 7), Csv.read(text, Csv.FORMAT.builder().setIgnoreEmptyLines(true).get(), "t.csv").stream()
                .map(Csv.Row::line).toList());
    }

    @Test
    void malformedTextIsOneLineNamingFileAndLine() {
        StudioException e = assertThrows(StudioException.class, () -> Csv.read("a,b\nc,\"d\n", Csv.FORMAT, "x.csv"));
        assertEquals("x.csv: line 2: not valid CSV: EOF reached before encapsulated token finished", e.oneLine());
        e = assertThrows(StudioException.class, () -> Csv.read("a,b\nc,d\n\"e\" f,g\n", Csv.FORMAT, "x.csv"));
        assertEquals("x.csv: line 3: not valid CSV: Invalid character between encapsulated token and delimiter", e.oneLine());
    }
}
