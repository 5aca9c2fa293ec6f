package org.npustudio.sweep.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession every test of this module shares: Spark takes seconds to start, and surefire runs
 * the module's tests in one JVM. Two local threads, the smallest setting that still moves rows between
 * tasks; the UI off so the tests bind no port.
 */
final class SharedSpark {
    private static SparkSession session;

    private SharedSpark() {}

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSweep.sessionBuilder("local[2]")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return session;
    }
}
