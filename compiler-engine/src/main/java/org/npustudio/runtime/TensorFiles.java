package org.npustudio.runtime;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.npustudio.error.StudioException;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Tensor;
import org.npustudio.onnx.proto.OnnxProto.TensorProto;

/**
 * Reads user-supplied tensor files: serialized ONNX TensorProto ({@code .pb}, as in the ONNX test data)
 * and NumPy arrays ({@code .npy}). Every problem becomes a {@link StudioException} naming the file.
 */
public final class TensorFiles {
    /** Files are read whole into one Java array. */
    private static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 64;

    private TensorFiles() {}

    /** Reads a tensor file, choosing the format by extension ({@code .npy}, otherwise TensorProto). */
    public static Tensor read(Path file) throws StudioException {
        return file.getFileName().toString().toLowerCase().endsWith(".npy") ? readNpy(file) : readTensorProto(file);
    }

    /** Reads a serialized TensorProto with inline data (raw_data or the typed fields). */
    public static Tensor readTensorProto(Path file) throws StudioException {
        String name = file.toString();
        byte[] bytes = readAll(file);
        TensorProto t;
        try {
            CodedInputStream in = CodedInputStream.newInstance(bytes);
            in.setSizeLimit(Integer.MAX_VALUE);
            t = TensorProto.parseFrom(in);
            in.checkLastTagWas(0);
        } catch (InvalidProtocolBufferException e) {
            throw new StudioException(name, "", "not a readable TensorProto (truncated or corrupt: " + e.getMessage() + ")", e);
        } catch (IOException | RuntimeException e) {
            throw new StudioException(name, "", "not a readable TensorProto: " + e.getMessage(), e);
        }
        // A SequenceProto, MapProto or OptionalProto parses "successfully" into fields of the wrong
        // meaning; fields a TensorProto does not define and a segment are the telltale signs.
        if (!t.getUnknownFields().asMap().isEmpty() || t.hasSegment()) {
            throw new StudioException(name, "", "not a TensorProto (it may be a SequenceProto, MapProto or OptionalProto,"
                    + " which hold sequences, maps or optional values rather than one tensor)");
        }
        TensorPayload.check(t, name);
        return Tensor.of(TensorPayload.packSubByte(t));
    }

    /** Reads a NumPy {@code .npy} file (format versions 1 to 3, little-endian, C order). */
    public static Tensor readNpy(Path file) throws StudioException {
        String name = file.toString();
        return NpyFormat.decode(readAll(file), name, stem(file));
    }

    private static byte[] readAll(Path file) throws StudioException {
        String name = file.toString();
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new StudioException(name, "", "the file is " + size + " bytes; tensor files must stay under 2 GiB");
            }
            if (size == 0) throw new StudioException(name, "", "the file is empty");
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new StudioException(name, "", "no such file", e);
        } catch (IOException e) {
            throw new StudioException(name, "", "cannot read: " + e.getMessage(), e);
        }
    }

    private static String stem(Path file) {
        String s = file.getFileName().toString();
        int dot = s.lastIndexOf('.');
        return dot > 0 ? s.substring(0, dot) : s;
    }
}
