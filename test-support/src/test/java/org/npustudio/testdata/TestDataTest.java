package org.npustudio.testdata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

class TestDataTest {
    @TempDir Path tmp;

    @Test
    void theRootIsFoundFromAnyModuleFolderAndAWrongPropertyIsIgnored() {
        Path root = TestData.root();
        assertTrue(Files.isRegularFile(root.resolve("compiler-engine/pom.xml")), root.toString());
        assertEquals(root, CheckoutRoot.find(null, root.resolve("compiler-engine/src/main/java")).orElseThrow());
        assertEquals(root, CheckoutRoot.find(root.resolve("app").toString(), root.resolve("e2e")).orElseThrow(),
                "a module folder given as the root (Maven run inside a module) is not taken");
        assertFalse(CheckoutRoot.find(null, tmp).isPresent());
    }

    @Test
    void theCorpusListsEveryModelOfModelsYamlAndTheCheckedInOnesArePresent() throws Exception {
        List<RealModel> corpus = TestData.realModelCorpus();
        long listed = Files.readAllLines(TestData.realModelsDir().resolve("models.yaml")).stream()
                .filter(l -> l.matches("\\s*- file: .*")).count();
        assertEquals(listed, corpus.size());
        for (RealModel m : corpus) {
            if (m.fetched()) {
                assertEquals(TestData.modelCache().resolve(m.file()), m.path());
            } else if (m.derived()) {
                assertTrue(corpus.stream().anyMatch(o -> o.file().equals(m.derivedFrom()) && o.present()), m + " derives from a present model");
            } else {
                assertTrue(m.present(), m + " is checked in");
            }
        }
        assertTrue(corpus.stream().anyMatch(RealModel::fetched) && corpus.stream().anyMatch(m -> !m.fetched()));
        assertTrue(TestData.realModels().containsAll(corpus.stream().filter(m -> !m.fetched() && !m.derived()).map(RealModel::path).toList()));
        RealModel det = corpus.stream().filter(m -> m.file().equals("ch_PP-OCRv4_det_infer.onnx")).findFirst().orElseThrow();
        assertArrayEquals(new long[] {1, 3, 640, 640}, det.dims("x"), "the shape binding is read");
    }

    @Test
    void aFetchLineMustNameItsOwnEntry() throws Exception {
        Files.writeString(tmp.resolve("models.yaml"), "models:\n  - file: a.onnx\n    fetch: b.onnx pkg@1 p/b.onnx 00\n");
        assertThrows(java.io.IOException.class, () -> RealModelCorpus.read(tmp, tmp.resolve("cache")));
        Files.writeString(tmp.resolve("models.yaml"), "models:\n  - file: a.onnx\n  - file: b.onnx\n    fetch: b.onnx pkg@1 p/b.onnx 00\n");
        assertEquals(List.of(new RealModel("a.onnx", false, tmp.resolve("a.onnx")), new RealModel("b.onnx", true, tmp.resolve("cache/b.onnx"))),
                RealModelCorpus.read(tmp, tmp.resolve("cache")));
    }

    @Test
    void anEmptyCorpusAlwaysFails() throws Exception {
        assertThrows(AssertionFailedError.class, () -> TestData.nonEmpty(List.of(), "models"));
        Files.createDirectories(tmp.resolve("empty/sub"));
        Files.writeString(tmp.resolve("empty/sub/readme.txt"), "no models here");
        assertEquals(List.of(), TestData.filesUnder(tmp.resolve("empty"), ".onnx"));
        Files.writeString(tmp.resolve("empty/sub/b.onnx"), "");
        Files.writeString(tmp.resolve("empty/a.onnx"), "");
        assertEquals(List.of(tmp.resolve("empty/a.onnx"), tmp.resolve("empty/sub/b.onnx")), TestData.filesUnder(tmp.resolve("empty"), ".onnx"));
    }
}
