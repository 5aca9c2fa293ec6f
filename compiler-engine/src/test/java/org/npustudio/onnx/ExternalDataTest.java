package org.npustudio.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Model;
import org.npustudio.ir.Tensor;
import org.npustudio.onnx.proto.OnnxProto;

class ExternalDataTest {
    @TempDir
    Path dir;

    @Test
    void writesLargeTensorsToASideFileAndReadsThemBack() throws Exception {
        Model m = TestModels.gemmRelu("gemm", "relu");
        Path file = dir.resolve("ext.onnx");
        OnnxWriter.write(m, file, OnnxWriter.Options.DEFAULT.withExternalData(OnnxWriter.ExternalDataMode.ALL_LARGE, 16));
        assertTrue(Files.exists(dir.resolve("ext.onnx.data")));
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Path plain = Files.createFile(dir.resolve("plain.txt"));
            assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(file),
                    "saved models get the user's default permissions, not a temp file's 0600");
            Files.delete(plain);
        }
        try (var s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files left behind");
        }
        Model back = OnnxReader.read(file);
        Tensor w = back.graph().initializers().get("w");
        assertTrue(w.isExternal());
        assertArrayEquals(m.graph().initializers().get("w").toFloats(), w.toFloats());
        assertTrue(!back.graph().initializers().get("b").isExternal(), "12-byte bias stays inline below the threshold");
        // Writing again elsewhere (PRESERVE) keeps it external and self-contained in the new folder.
        Path other = Files.createDirectories(dir.resolve("copy")).resolve("again.onnx");
        OnnxWriter.write(back, other);
        Model again = OnnxReader.read(other);
        assertTrue(again.graph().initializers().get("w").isExternal());
        assertArrayEquals(w.toFloats(), again.graph().initializers().get("w").toFloats());
    }

    @Test
    void modelsWhoseWeightsExceedTwoGigabytesLoadLazily() throws Exception {
        // Two 1.2 GB tensors and a small one at 2.4 GB, in a sparse side file: nothing is allocated on
        // disk for the zero pages, and loading must not touch the data at all.
        long big = 300_000_000L;
        long bigBytes = big * 4;
        long smallOffset = 2 * bigBytes;
        Path data = dir.resolve("weights.bin");
        try (RandomAccessFile f = new RandomAccessFile(data.toFile(), "rw")) {
            f.setLength(smallOffset + 16);
            f.seek(smallOffset);
            ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            b.putFloat(1.5f).putFloat(-2f).putFloat(3.25f).putFloat(4f);
            f.write(b.array());
            f.seek(bigBytes + 400);
            f.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(7f).array());
        }
        OnnxProto.ModelProto.Builder mb = OnnxWriter.toProto(TestModels.gemmRelu("gemm", "relu"), false).toBuilder();
        OnnxProto.GraphProto.Builder g = mb.getGraphBuilder();
        g.addInitializer(external("big0", big, 0, bigBytes));
        g.addInitializer(external("big1", big, bigBytes, bigBytes));
        g.addInitializer(external("small", 4, smallOffset, 16));
        Path file = dir.resolve("huge.onnx");
        Files.write(file, mb.build().toByteArray());

        long before = usedHeap();
        Model m = OnnxReader.read(file);
        long heapGrowth = usedHeap() - before;
        long total = m.graph().initializers().values().stream().mapToLong(Tensor::byteSize).sum();
        assertTrue(total > 2L * 1024 * 1024 * 1024, "weights total " + total);
        assertTrue(heapGrowth < 64L * 1024 * 1024, "loading must not copy weights, heap grew " + heapGrowth);
        assertArrayEquals(new float[] {1.5f, -2f, 3.25f, 4f}, m.graph().initializers().get("small").toFloats());
        ByteBuffer big1 = m.graph().initializers().get("big1").rawBytes();
        assertEquals(bigBytes, big1.remaining());
        assertEquals(7f, big1.getFloat(400));
    }

    @Test
    void locationsOutsideTheModelFolderAreRefused() throws Exception {
        for (String loc : List.of("/etc/passwd", "../outside.bin", "sub/../../outside.bin")) {
            OnnxProto.ModelProto.Builder mb = OnnxWriter.toProto(TestModels.gemmRelu("gemm", "relu"), false).toBuilder();
            mb.getGraphBuilder().addInitializer(OnnxProto.TensorProto.newBuilder().setName("t").setDataType(1).addDims(1)
                    .setDataLocation(OnnxProto.TensorProto.DataLocation.EXTERNAL)
                    .addExternalData(kv("location", loc)));
            Path file = dir.resolve("bad.onnx");
            Files.write(file, mb.build().toByteArray());
            ModelLoadException e = assertThrows(ModelLoadException.class, () -> OnnxReader.read(file));
            assertEquals(ModelLoadException.Kind.EXTERNAL_DATA, e.kind());
            assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains(loc), e.getMessage());
        }
    }

    private static OnnxProto.TensorProto external(String name, long count, long offset, long length) {
        return OnnxProto.TensorProto.newBuilder().setName(name).setDataType(DataType.FLOAT.code()).addDims(count)
                .setDataLocation(OnnxProto.TensorProto.DataLocation.EXTERNAL)
                .addExternalData(kv("location", "weights.bin"))
                .addExternalData(kv("offset", Long.toString(offset)))
                .addExternalData(kv("length", Long.toString(length))).build();
    }

    private static OnnxProto.StringStringEntryProto kv(String k, String v) {
        return OnnxProto.StringStringEntryProto.newBuilder().setKey(k).setValue(v).build();
    }

    private static long usedHeap() {
        System.gc();
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
