package org.npustudio.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.error.StudioException;
import org.npustudio.shape.ShapeBinding;

class BindingStoreTest {
    @TempDir Path dir;

    @Test
    void remembersABindingPerFileContent() throws Exception {
        Path a = Files.writeString(dir.resolve("a.onnx"), "model bytes");
        Path sameContent = Files.writeString(dir.resolve("b.onnx"), "model bytes");
        Path other = Files.writeString(dir.resolve("c.onnx"), "other bytes");
        BindingStore store = new BindingStore(dir.resolve("store/bindings"));
        ShapeBinding b = ShapeBinding.parse(List.of("x=1x3x48x192", "sr=scalar"), List.of("batch=1"));
        store.save(BindingStore.key(a), b);
        assertEquals("--input-shape x=1x3x48x192\n--input-shape sr=scalar\n--dim batch=1\n",
                Files.readString(store.fileFor(BindingStore.key(a))));
        assertEquals(b, store.load(BindingStore.key(sameContent)));
        assertNull(store.load(BindingStore.key(other)));
    }

    @Test
    void aDamagedFileIsAOneLineError() throws Exception {
        BindingStore store = new BindingStore(dir);
        Files.writeString(store.fileFor("abc"), "--input-shape x=1x3\nrm -rf /\n");
        StudioException e = assertThrows(StudioException.class, () -> store.load("abc"));
        assertEquals(store.fileFor("abc") + ": unexpected line 'rm -rf /'", e.oneLine());
        Files.writeString(store.fileFor("abc"), "--input-shape x=1x0\n");
        assertEquals("--input-shape: x: dimension 0 must be at least 1", assertThrows(StudioException.class, () -> store.load("abc")).oneLine());
    }
}
