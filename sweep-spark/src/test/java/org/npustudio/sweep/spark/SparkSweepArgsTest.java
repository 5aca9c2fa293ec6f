package org.npustudio.sweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The job's command line as spark-submit passes it. */
class SparkSweepArgsTest {
    @Test
    void readsTheSweepTheFolderAndTheOptions() {
        SparkSweep.Args a = SparkSweep.Args.parse(new String[] {"s.yaml", "-o", "out", "--partitions", "8", "--resume"});
        assertEquals(new SparkSweep.Args(Path.of("s.yaml"), Path.of("out"), null, 8, true), a);
        assertEquals("local[2]", SparkSweep.Args.parse(new String[] {"--master", "local[2]", "s.yaml", "--out", "o"}).master());
    }

    @Test
    void badCommandLinesSayWhatIsWrong() {
        assertEquals(SparkSweep.USAGE, assertThrows(IllegalArgumentException.class, () -> SparkSweep.Args.parse(new String[] {"s.yaml"})).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SparkSweep.Args.parse(new String[] {"s.yaml", "-o", "o", "--spark"}))
                .getMessage().startsWith("unexpected argument '--spark'"));
        assertEquals("--partitions takes a positive whole number, not '0'",
                assertThrows(IllegalArgumentException.class, () -> SparkSweep.Args.parse(new String[] {"s.yaml", "-o", "o", "--partitions", "0"})).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SparkSweep.Args.parse(new String[] {"s.yaml", "-o"}))
                .getMessage().startsWith("-o needs a value"));
    }
}
