package org.npustudio.npusim.sweep;

import com.google.flatbuffers.FlatBufferBuilder;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.flatbuf.Block;
import org.apache.arrow.flatbuf.Bool;
import org.apache.arrow.flatbuf.Buffer;
import org.apache.arrow.flatbuf.Endianness;
import org.apache.arrow.flatbuf.Field;
import org.apache.arrow.flatbuf.FieldNode;
import org.apache.arrow.flatbuf.FloatingPoint;
import org.apache.arrow.flatbuf.Footer;
import org.apache.arrow.flatbuf.Int;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.MetadataVersion;
import org.apache.arrow.flatbuf.Precision;
import org.apache.arrow.flatbuf.RecordBatch;
import org.apache.arrow.flatbuf.Schema;
import org.apache.arrow.flatbuf.Type;
import org.apache.arrow.flatbuf.Utf8;
import org.npustudio.error.StudioException;
import org.npustudio.io.AtomicFiles;

/**
 * {@code DIR/results.arrow}: the rows of {@code results.csv} as an Arrow IPC file (Feather v2:
 * {@code pandas.read_feather}, {@code pyarrow.ipc.open_file}), typed — ids and counts as integers, numeric
 * parameters and objectives as doubles, the rest as UTF-8, the front columns as booleans; a missing value
 * (an invalid point's objective) is null. Written with Arrow's own flatbuffer schema classes
 * ({@code arrow-format}) and plain byte buffers, one record batch, so the CLI carries no Arrow memory
 * allocator and needs no JVM flags (decision 0016).
 */
public final class ArrowResults {
    public static final String FILE = "results.arrow";
    private static final byte[] MAGIC = "ARROW1".getBytes(StandardCharsets.US_ASCII);

    private enum Kind { INT64, INT32, FLOAT64, UTF8, BOOL }

    private record Column(String name, Kind kind) {}

    private ArrowResults() {}

    public static Path write(Path dir, SweepResults results) throws StudioException {
        Path f = dir.resolve(FILE);
        AtomicFiles.write(f, bytes(results));
        return f;
    }

    /** The columns in {@code results.csv}'s order with their Arrow types. */
    private static List<Column> columns(SweepTable table) {
        List<Column> c = new ArrayList<>(List.of(new Column("id", Kind.INT64), new Column("config", Kind.INT32), new Column("model", Kind.UTF8)));
        for (String p : table.parameters()) {
            Parameter param = Parameter.of(p);
            c.add(new Column(p, param != null && param.numeric() ? Kind.FLOAT64 : Kind.UTF8));
        }
        c.add(new Column("status", Kind.UTF8));
        c.add(new Column("reason", Kind.UTF8));
        for (String o : SweepRow.OBJECTIVES) {
            c.add(new Column(o, switch (o) {
                case "macs" -> Kind.INT64;
                case "uncosted" -> Kind.INT32;
                default -> Kind.FLOAT64;
            }));
        }
        c.add(new Column("pareto", Kind.BOOL));
        for (String p : SweepRow.PAIR_COLUMNS) c.add(new Column(p, Kind.BOOL));
        return c;
    }

    public static byte[] bytes(SweepResults results) {
        SweepTable table = results.table();
        List<Column> columns = columns(table);
        List<String> header = table.resultHeader();
        if (!header.equals(columns.stream().map(Column::name).toList())) throw new IllegalStateException("Arrow columns out of step with " + header);
        int n = results.rows().size();
        // The cells as results.csv has them; each column is then encoded from its text.
        List<List<String>> cells = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<String> row = table.cells(results.rows().get(i));
            row.add(Boolean.toString(results.pareto()[i]));
            for (boolean[] pair : results.pairs()) row.add(Boolean.toString(pair[i]));
            cells.add(row);
        }
        Body body = new Body();
        long[][] nodes = new long[columns.size()][];
        for (int c = 0; c < columns.size(); c++) nodes[c] = body.column(columns.get(c).kind(), cells, c, n);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(MAGIC);
        out.writeBytes(new byte[2]);
        message(out, schemaMessage(columns));
        long batchOffset = out.size();
        int batchMeta = message(out, batchMessage(n, nodes, body));
        out.writeBytes(body.bytes());
        byte[] footer = footer(columns, batchOffset, batchMeta, body.size());
        out.writeBytes(footer);
        out.writeBytes(le(footer.length));
        out.writeBytes(MAGIC);
        return out.toByteArray();
    }

    /** An encapsulated message: continuation marker, padded metadata length, metadata; returns the bytes written. */
    private static int message(ByteArrayOutputStream out, byte[] flatbuffer) {
        int padded = (flatbuffer.length + 8 + 7) / 8 * 8 - 8;
        out.writeBytes(le(-1));
        out.writeBytes(le(padded));
        out.writeBytes(flatbuffer);
        out.writeBytes(new byte[padded - flatbuffer.length]);
        return padded + 8;
    }

    private static byte[] schemaMessage(List<Column> columns) {
        FlatBufferBuilder b = new FlatBufferBuilder();
        int schema = schema(b, columns);
        Message.startMessage(b);
        Message.addVersion(b, MetadataVersion.V5);
        Message.addHeaderType(b, MessageHeader.Schema);
        Message.addHeader(b, schema);
        Message.addBodyLength(b, 0);
        b.finish(Message.endMessage(b));
        return b.sizedByteArray();
    }

    private static byte[] batchMessage(int rows, long[][] nodes, Body body) {
        FlatBufferBuilder b = new FlatBufferBuilder();
        RecordBatch.startNodesVector(b, nodes.length);
        for (int i = nodes.length - 1; i >= 0; i--) FieldNode.createFieldNode(b, rows, nodes[i][0]);
        int nodeVector = b.endVector();
        List<long[]> buffers = body.buffers();
        RecordBatch.startBuffersVector(b, buffers.size());
        for (int i = buffers.size() - 1; i >= 0; i--) Buffer.createBuffer(b, buffers.get(i)[0], buffers.get(i)[1]);
        int bufferVector = b.endVector();
        RecordBatch.startRecordBatch(b);
        RecordBatch.addLength(b, rows);
        RecordBatch.addNodes(b, nodeVector);
        RecordBatch.addBuffers(b, bufferVector);
        int batch = RecordBatch.endRecordBatch(b);
        Message.startMessage(b);
        Message.addVersion(b, MetadataVersion.V5);
        Message.addHeaderType(b, MessageHeader.RecordBatch);
        Message.addHeader(b, batch);
        Message.addBodyLength(b, body.size());
        b.finish(Message.endMessage(b));
        return b.sizedByteArray();
    }

    private static byte[] footer(List<Column> columns, long batchOffset, int batchMeta, long bodyLength) {
        FlatBufferBuilder b = new FlatBufferBuilder();
        int schema = schema(b, columns);
        Footer.startRecordBatchesVector(b, 1);
        Block.createBlock(b, batchOffset, batchMeta, bodyLength);
        int blocks = b.endVector();
        Footer.startDictionariesVector(b, 0);
        int dictionaries = b.endVector();
        Footer.startFooter(b);
        Footer.addVersion(b, MetadataVersion.V5);
        Footer.addSchema(b, schema);
        Footer.addDictionaries(b, dictionaries);
        Footer.addRecordBatches(b, blocks);
        b.finish(Footer.endFooter(b));
        return b.sizedByteArray();
    }

    private static int schema(FlatBufferBuilder b, List<Column> columns) {
        int[] fields = new int[columns.size()];
        for (int i = 0; i < fields.length; i++) {
            Column c = columns.get(i);
            int name = b.createString(c.name());
            byte typeType;
            int type;
            switch (c.kind()) {
                case INT64, INT32 -> {
                    typeType = Type.Int;
                    type = Int.createInt(b, c.kind() == Kind.INT64 ? 64 : 32, true);
                }
                case FLOAT64 -> {
                    typeType = Type.FloatingPoint;
                    type = FloatingPoint.createFloatingPoint(b, Precision.DOUBLE);
                }
                case BOOL -> {
                    typeType = Type.Bool;
                    Bool.startBool(b);
                    type = Bool.endBool(b);
                }
                default -> {
                    typeType = Type.Utf8;
                    Utf8.startUtf8(b);
                    type = Utf8.endUtf8(b);
                }
            }
            int children = Field.createChildrenVector(b, new int[0]);
            Field.startField(b);
            Field.addName(b, name);
            Field.addNullable(b, true);
            Field.addTypeType(b, typeType);
            Field.addType(b, type);
            Field.addChildren(b, children);
            fields[i] = Field.endField(b);
        }
        int fieldVector = Schema.createFieldsVector(b, fields);
        Schema.startSchema(b);
        Schema.addEndianness(b, Endianness.Little);
        Schema.addFields(b, fieldVector);
        return Schema.endSchema(b);
    }

    /** The record batch's body: every column's buffers, each 8-byte aligned, with their (offset, length). */
    private static final class Body {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final List<long[]> buffers = new ArrayList<>();

        /** Encodes one column (validity bitmap, then offsets and data, or values); returns {null count}. */
        long[] column(Kind kind, List<List<String>> cells, int c, int n) {
            byte[] validity = new byte[(n + 7) / 8];
            long nulls = 0;
            for (int i = 0; i < n; i++) {
                // Text is never null (an empty reason is ""); numbers and flags are null when the cell is empty.
                boolean valid = kind == Kind.UTF8 || !cells.get(i).get(c).isEmpty();
                if (valid) validity[i / 8] |= (byte) (1 << (i % 8));
                else nulls++;
            }
            add(validity);
            switch (kind) {
                case UTF8 -> {
                    ByteBuffer offsets = ByteBuffer.allocate(4 * (n + 1)).order(ByteOrder.LITTLE_ENDIAN);
                    ByteArrayOutputStream data = new ByteArrayOutputStream();
                    offsets.putInt(0);
                    for (int i = 0; i < n; i++) {
                        data.writeBytes(cells.get(i).get(c).getBytes(StandardCharsets.UTF_8));
                        offsets.putInt(data.size());
                    }
                    add(offsets.array());
                    add(data.toByteArray());
                }
                case BOOL -> {
                    byte[] bits = new byte[(n + 7) / 8];
                    for (int i = 0; i < n; i++) if (cells.get(i).get(c).equals("true")) bits[i / 8] |= (byte) (1 << (i % 8));
                    add(bits);
                }
                default -> {
                    int width = kind == Kind.INT32 ? 4 : 8;
                    ByteBuffer values = ByteBuffer.allocate(width * n).order(ByteOrder.LITTLE_ENDIAN);
                    for (int i = 0; i < n; i++) {
                        String s = cells.get(i).get(c);
                        switch (kind) {
                            case INT32 -> values.putInt(s.isEmpty() ? 0 : Integer.parseInt(s));
                            case INT64 -> values.putLong(s.isEmpty() ? 0 : Long.parseLong(s));
                            default -> values.putDouble(s.isEmpty() ? 0 : Double.parseDouble(s));
                        }
                    }
                    add(values.array());
                }
            }
            return new long[] {nulls};
        }

        private void add(byte[] b) {
            buffers.add(new long[] {bytes.size(), b.length});
            bytes.writeBytes(b);
            bytes.writeBytes(new byte[(8 - b.length % 8) % 8]);
        }

        List<long[]> buffers() { return buffers; }

        long size() { return bytes.size(); }

        byte[] bytes() { return bytes.toByteArray(); }
    }

    private static byte[] le(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }
}
