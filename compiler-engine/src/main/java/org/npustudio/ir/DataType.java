package org.npustudio.ir;

/** ONNX tensor element types, with the codes used on the wire and their storage width. */
public enum DataType {
    UNDEFINED(0, 0), FLOAT(1, 32), UINT8(2, 8), INT8(3, 8), UINT16(4, 16), INT16(5, 16), INT32(6, 32),
    INT64(7, 64), STRING(8, 0), BOOL(9, 8), FLOAT16(10, 16), DOUBLE(11, 64), UINT32(12, 32), UINT64(13, 64),
    COMPLEX64(14, 64), COMPLEX128(15, 128), BFLOAT16(16, 16), FLOAT8E4M3FN(17, 8), FLOAT8E4M3FNUZ(18, 8),
    FLOAT8E5M2(19, 8), FLOAT8E5M2FNUZ(20, 8), UINT4(21, 4), INT4(22, 4), FLOAT4E2M1(23, 4), FLOAT8E8M0(24, 8), UINT2(25, 2), INT2(26, 2);

    private static final DataType[] BY_CODE = new DataType[27];
    static {
        for (DataType t : values()) BY_CODE[t.code] = t;
    }

    private final int code;
    private final int bits;

    DataType(int code, int bits) {
        this.code = code;
        this.bits = bits;
    }

    public int code() { return code; }

    /** Storage width in bits; 0 for variable-size (STRING) and UNDEFINED. */
    public int bits() { return bits; }

    /** Bytes needed for {@code count} packed elements (sub-byte types round up). */
    public long bytesFor(long count) {
        return (count * bits + 7) / 8;
    }

    public boolean isFloatingPoint() {
        return switch (this) {
            case FLOAT, DOUBLE, FLOAT16, BFLOAT16, FLOAT8E4M3FN, FLOAT8E4M3FNUZ, FLOAT8E5M2, FLOAT8E5M2FNUZ,
                 FLOAT4E2M1, FLOAT8E8M0 -> true;
            default -> false;
        };
    }

    public boolean isInteger() {
        return switch (this) {
            case UINT8, INT8, UINT16, INT16, INT32, INT64, UINT32, UINT64, UINT4, INT4, UINT2, INT2 -> true;
            default -> false;
        };
    }

    /** The type for a wire code, or null when the code is not a known ONNX type. */
    public static DataType fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** Lower-case name as ONNX tools print it (float32 for FLOAT, as Netron does). */
    public String displayName() {
        return switch (this) {
            case FLOAT -> "float32";
            case DOUBLE -> "float64";
            case FLOAT16 -> "float16";
            default -> name().toLowerCase();
        };
    }
}
