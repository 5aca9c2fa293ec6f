package org.npustudio.npusim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.testdata.CsvOracle;

/** results.arrow read back with Arrow's own reader: the same columns and, cell by cell, the values of results.csv. */
class ArrowResultsTest {
    @TempDir
    Path dir;

    @Test
    void arrowFileHoldsTheCsvTableTyped() throws Exception {
        Random rnd = new Random(11);
        List<SweepRow> rows = new ArrayList<>();
        for (int i = 0; i < 37; i++) {
            SweepPoint p = new SweepPoint(i, i / 2, i % 2 == 0 ? "resnet50" : "mobilenet “v2”", List.of(Integer.toString(8 << (i % 4)), i % 3 == 0 ? "ws" : "os"));
            rows.add(i % 5 == 2 ? SweepRow.invalid(p, "the ifmap buffer (51 B) cannot hold one tile, \"quoted\"")
                    : new SweepRow(p, true, "", rnd.nextDouble() * 1e4, rnd.nextDouble() * 1e3, 1 + rnd.nextInt(90), rnd.nextInt(1 << 30),
                    rnd.nextDouble(), i % 2 == 0 ? Double.NaN : rnd.nextDouble() / 10, 4_089_184_256L + i, i % 4));
        }
        SweepResults results = SweepResults.of(new SweepTable(List.of("array", "dataflow")), rows);
        results.writeCsv(dir);
        ArrowResults.write(dir, results);
        CsvOracle.Table csv = CsvOracle.read(Files.readString(dir.resolve(SweepResults.CSV)));

        try (BufferAllocator alloc = new RootAllocator();
             ArrowFileReader reader = new ArrowFileReader(Files.newByteChannel(dir.resolve(ArrowResults.FILE)), alloc)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            assertEquals(csv.header(), root.getSchema().getFields().stream().map(f -> f.getName()).toList());
            assertEquals(new ArrowType.FloatingPoint(org.apache.arrow.vector.types.FloatingPointPrecision.DOUBLE),
                    root.getSchema().findField("array").getType(), "numeric parameters are doubles");
            assertEquals(ArrowType.Utf8.INSTANCE, root.getSchema().findField("dataflow").getType());
            assertEquals(ArrowType.Bool.INSTANCE, root.getSchema().findField("pareto").getType());
            int seen = 0;
            while (reader.loadNextBatch()) {
                for (int r = 0; r < root.getRowCount(); r++, seen++) {
                    for (FieldVector v : root.getFieldVectors()) {
                        String expected = csv.get(seen, v.getName());
                        Object actual = v.getObject(r);
                        if (expected.isEmpty() && !(v.getField().getType() instanceof ArrowType.Utf8)) {
                            assertNull(actual, v.getName() + " row " + seen);
                        } else if (v.getField().getType() instanceof ArrowType.FloatingPoint) {
                            assertEquals(Double.parseDouble(expected), (Double) actual, 0.0, v.getName() + " row " + seen);
                        } else {
                            assertEquals(expected, String.valueOf(actual), v.getName() + " row " + seen);
                        }
                    }
                }
            }
            assertEquals(rows.size(), seen);
        }
    }
}
