package org.npustudio.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.npustudio.error.StudioException;

/**
 * CSV goes through Apache Commons CSV (docs/decisions/0009). This class only adds what every user needs
 * on top of it: the product's one table format, printing into a string, and reading that reports a
 * malformed file as one line naming file and line.
 */
public final class Csv {
    /** RFC 4180 quoting (a cell with a comma, quote or line break is quoted), records ended by '\n'. */
    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    /** Commons CSV's parse errors carry the line as "(startline N) " or " at line: N, position: P". */
    private static final Pattern WHERE = Pattern.compile("\\(startline (\\d+)\\) | at line: (\\d+), position: \\d+");

    private Csv() {}

    /** What prints the records of one table. */
    @FunctionalInterface
    public interface Records {
        void print(CSVPrinter out) throws IOException;
    }

    /** A record as read: the line it starts on (1-based) and its cells. */
    public record Row(int line, List<String> cells) {}

    /** The text {@code records} print in {@code format}. */
    public static String write(CSVFormat format, Records records) {
        StringBuilder b = new StringBuilder();
        try (CSVPrinter out = new CSVPrinter(b, format)) {
            records.print(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // appending to a StringBuilder does not fail
        }
        return b.toString();
    }

    /** Every record of {@code text}; a malformed one (an unclosed quote, text after a closing quote) names file and line. */
    public static List<Row> read(String text, CSVFormat format, String file) throws StudioException {
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (hasNext(records, parser, file)) {
                List<String> cells = records.next().toList();
                // The parser's line count stands at the record's last line; a quoted line break moves it on.
                rows.add(new Row((int) parser.getCurrentLineNumber() - lineBreaks(cells), cells));
            }
        } catch (IOException e) {
            throw malformed(file, 0, e);
        }
        return rows;
    }

    private static boolean hasNext(Iterator<CSVRecord> records, CSVParser parser, String file) throws StudioException {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            throw malformed(file, parser.getCurrentLineNumber(), e.getCause());
        }
    }

    private static StudioException malformed(String file, long currentLine, IOException e) {
        String message = String.valueOf(e.getMessage());
        Matcher m = WHERE.matcher(message);
        long line = currentLine;
        if (m.find()) {
            line = Long.parseLong(m.group(1) != null ? m.group(1) : m.group(2));
            message = m.replaceFirst("");
        }
        String problem = "not valid CSV: " + message.strip();
        return new StudioException(file, line > 0 ? "line " + line : "", problem, e);
    }

    private static int lineBreaks(List<String> cells) {
        int n = 0;
        for (String c : cells) {
            for (int i = 0; i < c.length(); i++) {
                char ch = c.charAt(i);
                if (ch == '\n' || ch == '\r' && (i + 1 == c.length() || c.charAt(i + 1) != '\n')) n++;
            }
        }
        return n;
    }
}
