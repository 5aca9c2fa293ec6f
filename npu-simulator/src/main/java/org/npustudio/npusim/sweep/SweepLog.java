package org.npustudio.npusim.sweep;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.error.StudioException;
import org.npustudio.io.AtomicFiles;
import org.npustudio.io.Csv;

/**
 * The append-only record of finished points, {@code DIR/results.log}: the header, then one complete CSV line
 * per point in the order points finished. Each batch is written with one append and forced to disk before
 * the next, so a killed run leaves whole lines plus at most one partial last line, which a resumed run cuts
 * off. {@code DIR/sweep.sha256} holds the sweep file's hash: a resume of an edited sweep file is refused
 * (its ids would mean other points).
 */
public final class SweepLog implements AutoCloseable {
    public static final String LOG = "results.log";
    public static final String HASH = "sweep.sha256";

    private final Path file;
    private final SweepTable table;
    private final FileChannel channel;
    private final Map<Long, SweepRow> done;

    private SweepLog(Path file, SweepTable table, FileChannel channel, Map<Long, SweepRow> done) {
        this.file = file;
        this.table = table;
        this.channel = channel;
        this.done = done;
    }

    /**
     * Opens {@code dir}'s log: a new one (refused when one is there and {@code resume} is false), or the earlier
     * run's with its rows read back (refused when it was written for another sweep file).
     */
    public static SweepLog open(Path dir, SweepTable table, String sweepText, boolean resume) throws StudioException {
        Path file = dir.resolve(LOG);
        Path hashFile = dir.resolve(HASH);
        String hash = sha256(sweepText);
        String header = Csv.write(Csv.FORMAT, out -> out.printRecord(table.header()));
        try {
            Files.createDirectories(dir);
            Map<Long, SweepRow> done = new LinkedHashMap<>();
            if (Files.exists(file)) {
                if (!resume) throw new StudioException(file.toString(), "file", "holds an earlier sweep's results; pass --resume to go on with it, or choose another -o DIR");
                String was = Files.exists(hashFile) ? Files.readString(hashFile).trim() : "";
                if (!was.equals(hash)) throw new StudioException(file.toString(), "file", "was written for another version of the sweep file (" + HASH + " differs); use a new -o DIR");
                cutPartialLine(file);
                readRows(file, table, header, done);
            } else {
                AtomicFiles.writeString(hashFile, hash + "\n");
                AtomicFiles.writeString(file, header);
            }
            FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            return new SweepLog(file, table, ch, done);
        } catch (IOException e) {
            throw new StudioException(file.toString(), "file", AtomicFiles.describe(e));
        }
    }

    /** Rows of the earlier run(s), by id. */
    public Map<Long, SweepRow> done() { return done; }

    public Path file() { return file; }

    /** Appends the rows as whole lines in one write and forces them to disk. */
    public void append(List<SweepRow> rows) throws StudioException {
        if (rows.isEmpty()) return;
        String text = Csv.write(Csv.FORMAT, out -> {
            for (SweepRow r : rows) out.printRecord(table.cells(r));
        });
        try {
            ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) channel.write(b);
            channel.force(false);
        } catch (IOException e) {
            throw new StudioException(file.toString(), "append", AtomicFiles.describe(e));
        }
        for (SweepRow r : rows) done.put(r.id(), r);
    }

    @Override
    public void close() throws StudioException {
        try {
            channel.close();
        } catch (IOException e) {
            throw new StudioException(file.toString(), "close", AtomicFiles.describe(e));
        }
    }

    /** Every row of a log file (the header checked), last occurrence of an id winning. */
    public static Map<Long, SweepRow> read(Path file, SweepTable table) throws StudioException {
        Map<Long, SweepRow> rows = new LinkedHashMap<>();
        try {
            readRows(file, table, Csv.write(Csv.FORMAT, out -> out.printRecord(table.header())), rows);
        } catch (IOException e) {
            throw new StudioException(file.toString(), "file", AtomicFiles.describe(e));
        }
        return rows;
    }

    private static void readRows(Path file, SweepTable table, String header, Map<Long, SweepRow> into) throws IOException, StudioException {
        List<Csv.Row> rows = Csv.read(Files.readString(file, StandardCharsets.UTF_8), Csv.FORMAT, file.toString());
        String expected = header.strip();
        if (rows.isEmpty() || !Csv.write(Csv.FORMAT, out -> out.printRecord(rows.get(0).cells())).strip().equals(expected)) {
            throw new StudioException(file.toString(), "line 1", "the header is not this sweep's: " + expected);
        }
        for (Csv.Row r : rows.subList(1, rows.size())) {
            try {
                SweepRow row = table.row(r.cells());
                into.put(row.id(), row);
            } catch (IllegalArgumentException e) {
                throw new StudioException(file.toString(), "line " + r.line(), "not a sweep row: " + e.getMessage());
            }
        }
    }

    /** A killed append may leave half a line: cut the file back to its last line break. */
    private static void cutPartialLine(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            long keep = size;
            ByteBuffer one = ByteBuffer.allocate(1);
            while (keep > 0) {
                one.clear();
                ch.read(one, keep - 1);
                if (one.get(0) == '\n') break;
                keep--;
            }
            if (keep < size) {
                ch.truncate(keep);
                ch.force(true);
            }
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
