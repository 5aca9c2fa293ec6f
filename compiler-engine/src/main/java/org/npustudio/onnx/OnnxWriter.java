package org.npustudio.onnx;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.npustudio.error.StudioException;
import org.npustudio.io.AtomicFiles;
import org.npustudio.ir.DataType;
import org.npustudio.ir.ExternalData;
import org.npustudio.ir.Model;
import org.npustudio.ir.Tensor;
import org.npustudio.onnx.proto.OnnxProto;

/**
 * Writes the IR as ONNX. Files are written atomically (temporary file, then rename), so a failed or
 * interrupted save never leaves a half-written model behind.
 */
public final class OnnxWriter {
    /** How constant tensors are stored. */
    public enum ExternalDataMode {
        /** Every tensor inline; fails for models that would exceed protobuf's 2 GiB. */
        INLINE,
        /** Tensors already external stay external (in this file's side file); the rest inline. */
        PRESERVE,
        /** Every tensor of at least {@code threshold} bytes goes to the side file. */
        ALL_LARGE
    }

    /**
     * @param nameUnnamedNodes write generated ids as names of nodes that had none (plans and vendor
     *                         tools need names); off by default so files round-trip unchanged
     */
    public record Options(boolean nameUnnamedNodes, ExternalDataMode externalData, long threshold) {
        public static final Options DEFAULT = new Options(false, ExternalDataMode.PRESERVE, 1024);

        public Options withNamedNodes() { return new Options(true, externalData, threshold); }

        public Options withExternalData(ExternalDataMode mode, long minBytes) { return new Options(nameUnnamedNodes, mode, minBytes); }
    }

    private OnnxWriter() {}

    public static void write(Model model, Path file) throws StudioException {
        write(model, file, Options.DEFAULT);
    }

    public static void write(Model model, Path file, Options options) throws StudioException {
        Path dir = file.toAbsolutePath().getParent();
        String sideName = file.getFileName() + ".data";
        Path tmpModel = null;
        Path tmpSide = null;
        try {
            Files.createDirectories(dir);
            tmpModel = AtomicFiles.sibling(dir, file.getFileName().toString());
            tmpSide = AtomicFiles.sibling(dir, sideName);
            SideFile side = new SideFile(tmpSide, sideName);
            OnnxProto.ModelProto proto;
            try (side) {
                proto = new IrToProto(options.nameUnnamedNodes(), t -> store(t, options, side)).model(model);
            }
            if (proto.getSerializedSize() < 0 || (long) proto.getSerializedSize() >= OnnxReader.MAX_PROTO_BYTES) {
                throw new StudioException(file.toString(), "", "the model exceeds protobuf's 2 GiB limit; write it with external data");
            }
            try (OutputStream out = Files.newOutputStream(tmpModel)) {
                CodedOutputStream cos = CodedOutputStream.newInstance(out, 1 << 16);
                proto.writeTo(cos);
                cos.flush();
            }
            if (side.written > 0) AtomicFiles.moveOver(tmpSide, dir.resolve(sideName));
            else Files.deleteIfExists(tmpSide);
            AtomicFiles.moveOver(tmpModel, file);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new StudioException(file.toString(), "", "cannot write: " + (e instanceof IOException io ? AtomicFiles.describe(io) : e.getMessage()), e);
        } finally {
            deleteQuietly(tmpModel);
            deleteQuietly(tmpSide);
        }
    }

    /** The model as protobuf bytes with every tensor inline (for ONNX Runtime sessions and hashing). */
    public static byte[] toBytes(Model model) {
        return toProto(model, false).toByteArray();
    }

    public static OnnxProto.ModelProto toProto(Model model, boolean nameUnnamedNodes) {
        return new IrToProto(nameUnnamedNodes, OnnxWriter::inline).model(model);
    }

    private static Tensor inline(Tensor t) {
        if (!t.isExternal()) return t;
        OnnxProto.TensorProto.Builder b = t.proto().toBuilder().clearExternalData().clearDataLocation()
                .setRawData(ByteString.copyFrom(t.rawBytes()));
        return Tensor.of(b.build());
    }

    private static Tensor store(Tensor t, Options o, SideFile side) {
        if (t.proto().hasSegment() || t.dataType() == DataType.STRING) return t;
        boolean external = switch (o.externalData()) {
            case INLINE -> false;
            case PRESERVE -> t.isExternal();
            case ALL_LARGE -> t.isExternal() || t.byteSize() >= o.threshold();
        };
        if (!external) return inline(t);
        try {
            long offset = side.append(t.rawBytes());
            long length = side.written - offset;
            OnnxProto.TensorProto.Builder b = t.proto().toBuilder().clearRawData().clearFloatData().clearInt32Data()
                    .clearInt64Data().clearDoubleData().clearUint64Data().clearExternalData()
                    .setDataLocation(OnnxProto.TensorProto.DataLocation.EXTERNAL);
            b.addExternalData(entry("location", side.name));
            b.addExternalData(entry("offset", Long.toString(offset)));
            b.addExternalData(entry("length", Long.toString(length)));
            return new Tensor(b.build(), new ExternalData(side.name, side.path, offset, length));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static OnnxProto.StringStringEntryProto entry(String k, String v) {
        return OnnxProto.StringStringEntryProto.newBuilder().setKey(k).setValue(v).build();
    }

    private static void deleteQuietly(Path p) {
        if (p == null) return;
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: a leftover temp file is harmless and hidden
        }
    }

    /** Appends tensor bytes to the side file, each aligned to 64 bytes for memory mapping. */
    private static final class SideFile implements AutoCloseable {
        final Path path;
        final String name;
        private FileChannel channel;
        long written;

        SideFile(Path path, String name) {
            this.path = path;
            this.name = name;
        }

        long append(ByteBuffer data) throws IOException {
            if (channel == null) channel = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            long pad = (64 - written % 64) % 64;
            if (pad > 0) {
                channel.write(ByteBuffer.allocate((int) pad), written);
                written += pad;
            }
            long offset = written;
            ByteBuffer d = data.duplicate();
            while (d.hasRemaining()) written += channel.write(d, written);
            return offset;
        }

        @Override
        public void close() throws IOException {
            if (channel != null) channel.close();
        }
    }
}
