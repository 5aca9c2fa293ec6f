package org.npustudio.app.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.npustudio.app.Version;
import org.npustudio.error.StudioException;

/**
 * {@code npustudio sweep SWEEP.yaml --spark MASTER -o DIR}: runs the sweep as a Spark job by starting
 * Spark's own {@code spark-submit} on the sweep-spark job jar. The CLI never loads Spark itself (it is
 * large and only this path needs it; docs/decisions/0017-spark-sweeps.md), so it names the job's main
 * class as text and finds the two things it needs: {@code spark-submit} ({@code $SPARK_HOME/bin}, then the
 * {@code PATH}) and the job jar ({@code NPUSTUDIO_SPARK_JAR}, else the checkout's
 * {@code sweep-spark/target/sweep-spark-VERSION-job.jar}).
 */
public final class SparkSubmit {
    /** The job's main class in the sweep-spark module (a string: the app must not depend on that module). */
    public static final String MAIN_CLASS = "org.npustudio.sweep.spark.SparkSweep";
    public static final String JAR_ENV = "NPUSTUDIO_SPARK_JAR";
    static final String BUILD_HINT = "build it in the NPU Studio checkout with: mvn -B -pl sweep-spark -am package -DskipTests";

    private SparkSubmit() {}

    /** Runs the job and waits; its output goes straight to this process's terminal. Returns spark-submit's status. */
    public static int run(Map<String, String> env, String master, Path sweep, Path out, boolean resume) throws StudioException {
        List<String> cmd = command(sparkSubmit(env), master, jar(env), sweep, out, resume);
        try {
            return new ProcessBuilder(cmd).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new StudioException(cmd.get(0), "--spark", "cannot start spark-submit: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StudioException(cmd.get(0), "--spark", "interrupted while the Spark job ran");
        }
    }

    /** The spark-submit command line. Paths are absolute: the driver may start in another folder. */
    static List<String> command(Path sparkSubmit, String master, Path jar, Path sweep, Path out, boolean resume) {
        List<String> c = new ArrayList<>(List.of(sparkSubmit.toString(), "--master", master, "--class", MAIN_CLASS,
                jar.toAbsolutePath().toString(), sweep.toAbsolutePath().toString(), "-o", out.toAbsolutePath().toString()));
        if (resume) c.add("--resume");
        return c;
    }

    /** {@code $SPARK_HOME/bin/spark-submit}, else the first {@code spark-submit} on the {@code PATH}. */
    static Path sparkSubmit(Map<String, String> env) throws StudioException {
        String home = env.get("SPARK_HOME");
        if (home != null && !home.isBlank()) {
            Path p = Path.of(home, "bin", "spark-submit");
            if (Files.isExecutable(p)) return p;
            throw new StudioException("SPARK_HOME", home, "has no executable bin/spark-submit; point SPARK_HOME at a Spark 4.0 distribution (Scala 2.13)");
        }
        for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, "spark-submit");
            if (Files.isExecutable(p)) return p;
        }
        throw new StudioException("--spark", "spark-submit", "not found: install Apache Spark 4.0 (Scala 2.13) and set SPARK_HOME "
                + "or put its bin folder on the PATH (docs/sweeps.md, Spark)");
    }

    /** The job jar: {@code NPUSTUDIO_SPARK_JAR}, else the one the checkout's build writes. */
    static Path jar(Map<String, String> env) throws StudioException {
        String given = env.get(JAR_ENV);
        if (given != null && !given.isBlank()) {
            Path p = Path.of(given);
            if (Files.isRegularFile(p)) return p;
            throw new StudioException(JAR_ENV, given, "no such file; point it at sweep-spark-VERSION-job.jar, or unset it and " + BUILD_HINT);
        }
        Path p = checkout().resolve("sweep-spark/target/sweep-spark-" + Version.get() + "-job.jar");
        if (Files.isRegularFile(p)) return p;
        throw new StudioException(p.toString(), "--spark", "the Spark job jar is missing; " + BUILD_HINT + " (or set " + JAR_ENV + ")");
    }

    private static Path checkout() {
        String home = System.getProperty("npustudio.home");
        return Path.of(home != null ? home : ".").toAbsolutePath().normalize();
    }
}
