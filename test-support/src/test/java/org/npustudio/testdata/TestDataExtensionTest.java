package org.npustudio.testdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Runs small test classes through the real JUnit engine: declared data resolves, or skips, or fails when strict. */
class TestDataExtensionTest {
    @TempDir Path shared;

    @AfterEach
    void restore() {
        System.clearProperty(TestData.SHARED_PROPERTY);
        System.clearProperty(Strictness.PROPERTY);
    }

    /** Run only by this test (surefire leaves nested classes out). */
    static class NeedsReference {
        static Path seen;

        @Test
        void reads(@SharedData("reference/scalesim") Path dir) {
            seen = dir;
        }
    }

    static class NeedsCorpus {
        static List<Path> seen;

        @Test
        void reads(@CorpusModels List<Path> models) {
            seen = models;
        }
    }

    private Events run(Class<?> c, boolean strict) {
        System.setProperty(TestData.SHARED_PROPERTY, shared.toString());
        System.setProperty(Strictness.PROPERTY, Boolean.toString(strict));
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(c)).execute().testEvents();
    }

    @Test
    void presentDataIsInjected() throws Exception {
        Path dir = Files.createDirectories(shared.resolve("reference/scalesim"));
        NeedsReference.seen = null;
        run(NeedsReference.class, true).assertStatistics(s -> s.started(1).succeeded(1));
        assertEquals(dir, NeedsReference.seen);
    }

    @Test
    void missingDataSkipsWhenLenient() {
        run(NeedsReference.class, false).assertStatistics(s -> s.started(1).aborted(1).failed(0));
    }

    @Test
    void missingDataFailsWhenStrict() {
        run(NeedsReference.class, true).assertStatistics(s -> s.started(1).failed(1).aborted(0));
    }

    @Test
    void theCorpusIsInjectedAndNotEmpty() {
        NeedsCorpus.seen = null;
        run(NeedsCorpus.class, false).assertStatistics(s -> s.succeeded(1));
        assertTrue(!NeedsCorpus.seen.isEmpty() && NeedsCorpus.seen.stream().allMatch(Files::isRegularFile), String.valueOf(NeedsCorpus.seen));
    }
}
