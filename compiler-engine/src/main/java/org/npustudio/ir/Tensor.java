package org.npustudio.ir;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.npustudio.onnx.proto.OnnxProto.TensorProto;

/**
 * Constant tensor data (an initializer or a tensor attribute), kept lazily.
 * <p>The wrapped TensorProto's raw_data is a view on the memory-mapped model file (the reader parses
 * with protobuf aliasing), and external data is only mapped when asked, so holding a 100 MB model costs
 * almost no heap. Decoding into Java arrays happens only in the {@code to*} methods.
 */
public final class Tensor {
    private final TensorProto proto;
    private final ExternalData external;

    public Tensor(TensorProto proto, ExternalData external) {
        this.proto = proto;
        this.external = external;
    }

    public static Tensor of(TensorProto proto) {
        return new Tensor(proto, null);
    }

    public static Tensor ofFloats(String name, long[] dims, float[] data) {
        ByteBuffer b = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(data);
        return owned(name, DataType.FLOAT, dims, b.array());
    }

    public static Tensor ofLongs(String name, long[] dims, long[] data) {
        ByteBuffer b = ByteBuffer.allocate(data.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(data);
        return owned(name, DataType.INT64, dims, b.array());
    }

    /** A tensor of a copy of these bytes (the caller may go on changing its array). */
    public static Tensor raw(String name, DataType type, long[] dims, byte[] littleEndianBytes) {
        return owned(name, type, dims, littleEndianBytes.clone());
    }

    /**
     * Wraps bytes nobody else holds without copying them: folding ResNet50's weights writes 100 MB of
     * them, and a second copy cost as much as the arithmetic.
     */
    private static Tensor owned(String name, DataType type, long[] dims, byte[] bytes) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type.code())
                .setRawData(com.google.protobuf.UnsafeByteOperations.unsafeWrap(bytes));
        for (long d : dims) t.addDims(d);
        return new Tensor(t.build(), null);
    }

    public TensorProto proto() { return proto; }

    public ExternalData external() { return external; }

    public boolean isExternal() { return external != null; }

    public String name() { return proto.getName(); }

    public Tensor withName(String name) {
        return new Tensor(proto.toBuilder().setName(name).build(), external);
    }

    public DataType dataType() {
        DataType t = DataType.fromCode(proto.getDataType());
        return t == null ? DataType.UNDEFINED : t;
    }

    public long[] dims() {
        long[] d = new long[proto.getDimsCount()];
        for (int i = 0; i < d.length; i++) d[i] = proto.getDims(i);
        return d;
    }

    public Shape shape() { return Shape.fromSizes(dims()); }

    public long elementCount() {
        long n = 1;
        for (int i = 0; i < proto.getDimsCount(); i++) n = Math.multiplyExact(n, proto.getDims(i));
        return n;
    }

    /** Bytes of storage the tensor's elements need (packed; strings count their payload). */
    public long byteSize() {
        if (dataType() == DataType.STRING) {
            long n = 0;
            for (ByteString s : proto.getStringDataList()) n += s.size();
            return n;
        }
        return dataType().bytesFor(elementCount());
    }

    /**
     * The element bytes in ONNX's little-endian raw layout. A view (no copy) for raw_data and external
     * data; typed-field tensors are packed on demand. Not available for STRING tensors.
     */
    public ByteBuffer rawBytes() {
        if (external != null) return mapExternal();
        if (proto.hasRawData()) return proto.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        return TypedFields.pack(proto, dataType(), elementCount());
    }

    private ByteBuffer mapExternal() {
        try (FileChannel ch = FileChannel.open(external.file(), StandardOpenOption.READ)) {
            long len = external.length() >= 0 ? external.length() : ch.size() - external.offset();
            if (len > Integer.MAX_VALUE) {
                throw new IllegalStateException("tensor '" + name() + "' holds " + len
                        + " bytes; a single tensor above 2 GiB cannot be mapped as one buffer");
            }
            return ch.map(FileChannel.MapMode.READ_ONLY, external.offset(), len).order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read external data of tensor '" + name() + "' from "
                    + external.file() + ": " + e.getMessage(), e);
        }
    }

    /** Decoded as float (from any numeric type). */
    public float[] toFloats() {
        if (dataType() == DataType.FLOAT) {
            // Bulk copy: no double[] twice the size (ResNet50's weights are 25.6M values).
            float[] f = new float[Math.toIntExact(elementCount())];
            rawBytes().duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(f);
            return f;
        }
        double[] d = toDoubles();
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
        return f;
    }

    /** Decoded as double (from any numeric type). */
    public double[] toDoubles() {
        return ElementDecoder.toDoubles(rawBytes(), dataType(), Math.toIntExact(elementCount()));
    }

    /** Decoded as long (integers, bool; floats truncated). */
    public long[] toLongs() {
        return ElementDecoder.toLongs(rawBytes(), dataType(), Math.toIntExact(elementCount()));
    }

    public List<ByteString> strings() { return proto.getStringDataList(); }

    @Override
    public String toString() {
        return "Tensor(" + name() + " " + dataType().displayName() + java.util.Arrays.toString(dims()) + ")";
    }
}
