package org.npustudio.runtime;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.npustudio.error.StudioException;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Tensor;

/**
 * Decodes NumPy's {@code .npy} format: magic, version, a Python-dict header
 * ({@code {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }}) and the packed elements.
 * Only plain little-endian C-order arrays of the numeric and bool dtypes are accepted.
 */
final class NpyFormat {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Map<String, DataType> TYPES = Map.ofEntries(
            Map.entry("f2", DataType.FLOAT16), Map.entry("f4", DataType.FLOAT), Map.entry("f8", DataType.DOUBLE),
            Map.entry("i1", DataType.INT8), Map.entry("i2", DataType.INT16), Map.entry("i4", DataType.INT32),
            Map.entry("i8", DataType.INT64), Map.entry("u1", DataType.UINT8), Map.entry("u2", DataType.UINT16),
            Map.entry("u4", DataType.UINT32), Map.entry("u8", DataType.UINT64), Map.entry("b1", DataType.BOOL));

    private NpyFormat() {}

    static Tensor decode(byte[] bytes, String file, String tensorName) throws StudioException {
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC)) {
            throw new StudioException(file, "", "not a NumPy .npy file (it does not start with the \\x93NUMPY magic)");
        }
        int major = bytes[6] & 0xff;
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLen;
        int headerStart;
        switch (major) {
            case 1 -> { headerLen = b.getShort(8) & 0xffff; headerStart = 10; }
            case 2, 3 -> {
                if (bytes.length < 12) throw new StudioException(file, "header", "the file ends inside the header");
                headerLen = b.getInt(8) & 0xffffffffL;
                headerStart = 12;
            }
            default -> throw new StudioException(file, "header", "unsupported .npy format version " + major + "." + (bytes[7] & 0xff));
        }
        if (headerStart + headerLen > bytes.length) {
            throw new StudioException(file, "header", "the header claims " + headerLen + " bytes but the file ends before that");
        }
        String text = new String(bytes, headerStart, (int) headerLen, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Map<String, Object> header = NpyHeaderParser.parse(text, file);
        DataType type = dtype(header.get("descr"), file);
        if (!(header.get("fortran_order") instanceof Boolean fortran)) {
            throw new StudioException(file, "header", "'fortran_order' is missing or not True/False");
        }
        if (fortran) {
            throw new StudioException(file, "header", "the array is stored in Fortran order; save it in C order"
                    + " (numpy.ascontiguousarray) instead");
        }
        if (!(header.get("shape") instanceof long[] dims)) throw new StudioException(file, "header", "'shape' is missing or not a tuple");
        long count = 1;
        for (long d : dims) {
            if (d < 0) throw new StudioException(file, "header", "negative dimension " + d + " in shape " + Arrays.toString(dims));
            try {
                count = Math.multiplyExact(count, d);
            } catch (ArithmeticException e) {
                throw new StudioException(file, "header", "shape " + Arrays.toString(dims) + " overflows a 64-bit element count");
            }
        }
        int dataStart = headerStart + (int) headerLen;
        long need = type.bytesFor(count);
        long have = bytes.length - dataStart;
        if (have != need) {
            throw new StudioException(file, "data", "the shape " + Arrays.toString(dims) + " of " + type.displayName()
                    + " needs " + need + " bytes but the file holds " + have);
        }
        byte[] data = Arrays.copyOfRange(bytes, dataStart, bytes.length);
        if (type == DataType.BOOL) {
            for (int i = 0; i < data.length; i++) {
                if (data[i] != 0 && data[i] != 1) throw new StudioException(file, "data", "bool element " + i + " holds " + data[i]);
            }
        }
        return Tensor.raw(tensorName, type, dims, data);
    }

    private static DataType dtype(Object descr, String file) throws StudioException {
        if (!(descr instanceof String s)) {
            throw new StudioException(file, "header", "'descr' is missing or describes a structured array, which is not supported");
        }
        if (s.length() != 3) throw new StudioException(file, "header", "unsupported dtype '" + s + "'");
        char order = s.charAt(0);
        DataType type = TYPES.get(s.substring(1));
        if (type == null) {
            throw new StudioException(file, "header", "unsupported dtype '" + s + "' (supported: f2 f4 f8 i1 i2 i4 i8 u1 u2 u4 u8 b1)");
        }
        boolean littleEndian = order == '<' || (order == '=' && ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN);
        boolean orderless = order == '|' && type.bits() == 8;
        if (!littleEndian && !orderless) {
            throw new StudioException(file, "header", "dtype '" + s + "' is not little-endian; save it with dtype '<" + s.substring(1) + "'");
        }
        return type;
    }
}
