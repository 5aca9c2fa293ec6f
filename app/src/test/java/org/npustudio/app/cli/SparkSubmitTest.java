package org.npustudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.error.StudioException;
import org.npustudio.testdata.TestData;

/** How {@code --spark} finds spark-submit and the job jar, what it runs, and what it says when either is missing. */
class SparkSubmitTest {
    /** An executable shell script: the stand-in for Spark's spark-submit, which is not installed here. */
    static Path script(Path file, String body) throws Exception {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void runsSparkSubmitOnTheJobJarAndPassesItsStatusOn(@TempDir Path tmp) throws Exception {
        // A stand-in spark-submit (Spark is not installed here): it records its arguments and fails with 3.
        Path bin = Files.createDirectories(tmp.resolve("spark/bin"));
        script(bin.resolve("spark-submit"), "printf '%s\\n' \"$@\" > \"" + tmp.resolve("args.txt") + "\"\nexit 3");
        Path jar = Files.writeString(tmp.resolve("job.jar"), "");
        Map<String, String> env = Map.of("SPARK_HOME", tmp.resolve("spark").toString(), SparkSubmit.JAR_ENV, jar.toString());

        assertEquals(3, SparkSubmit.run(env, "local[2]", Path.of("s.yaml"), tmp.resolve("out"), true));
        assertEquals(List.of("--master", "local[2]", "--class", "org.npustudio.sweep.spark.SparkSweep", jar.toAbsolutePath().toString(),
                Path.of("s.yaml").toAbsolutePath().toString(), "-o", tmp.resolve("out").toString(), "--resume"),
                Files.readAllLines(tmp.resolve("args.txt")));
    }

    @Test
    void findsSparkSubmitOnThePath(@TempDir Path tmp) throws Exception {
        Path script = script(tmp.resolve("spark-submit"), "exit 0");
        assertEquals(script, SparkSubmit.sparkSubmit(Map.of("PATH", "/nonexistent:" + tmp)));
    }

    @Test
    void missingSparkOrJarSaysHowToGetThem(@TempDir Path tmp) {
        String noSpark = assertThrows(StudioException.class, () -> SparkSubmit.sparkSubmit(Map.of("PATH", tmp.toString()))).oneLine();
        assertTrue(noSpark.contains("spark-submit") && noSpark.contains("SPARK_HOME"), noSpark);
        String badHome = assertThrows(StudioException.class, () -> SparkSubmit.sparkSubmit(Map.of("SPARK_HOME", tmp.toString()))).oneLine();
        assertTrue(badHome.contains("has no executable bin/spark-submit"), badHome);
        String noJar = assertThrows(StudioException.class,
                () -> SparkSubmit.jar(Map.of(SparkSubmit.JAR_ENV, tmp.resolve("none.jar").toString()))).oneLine();
        assertTrue(noJar.contains("none.jar") && noJar.contains("mvn -B -pl sweep-spark -am package -DskipTests"), noJar);
    }

    @Test
    void sweepWithSparkChecksTheFileThenReportsAFailedJob(@TempDir Path tmp) throws Exception {
        Path sweep = Files.writeString(tmp.resolve("s.yaml"), "npu: " + TestData.inCheckout("samples/npu/teaching-32x32.yaml")
                + "\nparameters: {array: [16, 32]}\nmodels: [{sample: lenet5}]\n");
        Path out = tmp.resolve("out");

        CliRun noSpark = CliRun.with(Commands.builtIn(), Map.of("PATH", tmp.toString()), "sweep", sweep.toString(), "-o", out.toString(), "--spark", "local[2]");
        assertEquals(2, noSpark.status(), noSpark.err());
        assertTrue(noSpark.err().contains("spark-submit") && noSpark.err().contains("not found"), noSpark.err());

        Path bad = Files.writeString(tmp.resolve("bad.yaml"), "npu: " + TestData.inCheckout("samples/npu/teaching-32x32.yaml")
                + "\nparameters: {arrray: [16]}\nmodels: [{sample: lenet5}]\n");
        CliRun badFile = CliRun.with(Commands.builtIn(), Map.of("PATH", tmp.toString()), "sweep", bad.toString(), "-o", out.toString(), "--spark", "local[2]");
        assertTrue(badFile.err().contains("bad.yaml: line 2") && badFile.err().contains("unknown parameter 'arrray'"), "the file is checked before Spark: " + badFile.err());

        Path bin = Files.createDirectories(tmp.resolve("spark/bin"));
        script(bin.resolve("spark-submit"), "exit 4");
        Path jar = Files.writeString(tmp.resolve("job.jar"), "");
        CliRun failed = CliRun.with(Commands.builtIn(), Map.of("SPARK_HOME", tmp.resolve("spark").toString(), SparkSubmit.JAR_ENV, jar.toString()),
                "sweep", sweep.toString(), "-o", out.toString(), "--spark", "local[2]");
        assertEquals(2, failed.status());
        assertTrue(failed.err().contains("the Spark job failed (spark-submit exit status 4)"), failed.err());

        CliRun threads = CliRun.of("sweep", sweep.toString(), "-o", out.toString(), "--spark", "local[2]", "--threads", "2");
        assertTrue(threads.err().contains("--threads is for a local run"), threads.err());
    }
}
