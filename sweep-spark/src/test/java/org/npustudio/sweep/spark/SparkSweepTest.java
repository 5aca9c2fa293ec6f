package org.npustudio.sweep.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.npusim.sweep.SweepEvaluator;
import org.npustudio.npusim.sweep.SweepPoints;
import org.npustudio.npusim.sweep.SweepResults;
import org.npustudio.npusim.sweep.SweepRunner;
import org.npustudio.npusim.sweep.SweepSpec;
import org.npustudio.npusim.sweep.SweepSpecReader;
import org.npustudio.samples.SampleLibrary;
import org.npustudio.testdata.CsvOracle;
import org.npustudio.testdata.TestData;

/** The Spark job and the local runner, on the same small sweep, write the same results.csv. */
class SparkSweepTest {
    /**
     * Two bundled models × 4 array sizes × 3 dataflows × 2 SRAM sizes = 48 points; the 2 KiB SRAM is smaller
     * than some layers' tiles, so invalid rows travel through both runs too.
     */
    static String sweep() {
        return """
                npu: %s
                parameters:
                  array: [8, 16, 32, 64]
                  dataflow: [ws, os, is]
                  sram_kb: [2, 512]
                models:
                  - sample: lenet5
                  - sample: mlp
                """.formatted(TestData.inCheckout("samples/npu/teaching-32x32.yaml"));
    }

    @Test
    void sparkRunWritesTheSameResultsAsTheLocalRun(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("small.yaml");
        Files.writeString(file, sweep());
        SweepSpec spec = SweepSpecReader.read(file);
        Path samples = Files.createDirectories(tmp.resolve("samples"));

        Path local = tmp.resolve("local");
        SweepRunner.run(new SweepEvaluator(spec, name -> SampleLibrary.ensure(name, samples), null), SweepPoints.of(spec), local,
                SweepRunner.Options.defaults().withThreads(2));
        Path spark = tmp.resolve("spark");
        // Five tasks over 48 points: rows come back from several partitions and must still land in id order.
        assertEquals(0, SparkSweep.run(SharedSpark.session(), new SparkSweep.Args(file, spark, null, 5, false)));

        String localCsv = Files.readString(local.resolve(SweepResults.CSV));
        String sparkCsv = Files.readString(spark.resolve(SweepResults.CSV));
        assertEquals(localCsv, sparkCsv);

        // The file is what it should be, not merely equal: one row per point in id order, both models, valid and invalid rows.
        CsvOracle.Table t = CsvOracle.read(sparkCsv);
        assertEquals(48, t.rows().size());
        assertEquals(LongStream.range(0, 48).mapToObj(Long::toString).toList(), t.column("id"));
        assertEquals(Set.of("lenet5", "mlp"), Set.copyOf(t.column("model")));
        assertEquals(Set.of("ok", "invalid"), Set.copyOf(t.column("status")), "the sweep should hold both valid and invalid points");
        assertTrue(t.column("pareto").contains("true"));
        // The results log is the local runner's format too, so a local --resume can take over a Spark run's folder.
        assertArrayEquals(Files.readAllBytes(local.resolve("sweep.sha256")), Files.readAllBytes(spark.resolve("sweep.sha256")));
    }

    @Test
    void sparkRunResumesWhereTheLogStops(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("small.yaml");
        Files.writeString(file, sweep());
        Path whole = tmp.resolve("whole");
        assertEquals(0, SparkSweep.run(SharedSpark.session(), new SparkSweep.Args(file, whole, null, 0, false)));
        // A run killed after 20 points: the log's header and its first 20 lines.
        Path cut = Files.createDirectories(tmp.resolve("cut"));
        List<String> lines = Files.readAllLines(whole.resolve("results.log"));
        Files.write(cut.resolve("results.log"), lines.subList(0, 21));
        Files.copy(whole.resolve("sweep.sha256"), cut.resolve("sweep.sha256"));
        assertEquals(0, SparkSweep.run(SharedSpark.session(), new SparkSweep.Args(file, cut, null, 0, true)));
        assertEquals(Files.readString(whole.resolve(SweepResults.CSV)), Files.readString(cut.resolve(SweepResults.CSV)));
        assertEquals(49, Files.readAllLines(cut.resolve("results.log")).size(), "the resumed run evaluated only the 28 missing points");
    }
}
