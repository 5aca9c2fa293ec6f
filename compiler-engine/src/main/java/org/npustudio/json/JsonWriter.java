package org.npustudio.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes maps, lists, strings, numbers, booleans and null as indented JSON, through Jackson. The layout is
 * the one the product has always written (the CLI's JSON, ops.json and Model Explorer data are pinned
 * byte for byte): two-space indent, {@code "key": value}, lists of plain values on one line, {@code {}}
 * and {@code []} when empty ({@link CompactPrettyPrinter}). Non-ASCII characters (and DEL) are written as
 * lower-case \\u escapes so the output is valid whatever encoding the terminal uses. Non-finite doubles are
 * null (JSON has no NaN); a float is written as the double it widens to.
 */
public final class JsonWriter {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .addModule(new SimpleModule("npustudio-numbers")
                    .addSerializer(Double.class, new DoubleSerializer())
                    .addSerializer(double.class, new DoubleSerializer())
                    .addSerializer(Float.class, new FloatSerializer())
                    .addSerializer(float.class, new FloatSerializer()))
            .defaultPrettyPrinter(new CompactPrettyPrinter())
            .build();

    private JsonWriter() {}

    public static String write(Object value) {
        try {
            return MAPPER.writer().withDefaultPrettyPrinter().with(DelEscape.INSTANCE).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            // Only our own documents are written here: a value Jackson cannot write is a bug, not bad input.
            throw new UncheckedIOException(e);
        }
    }

    /** NaN and infinities as null. */
    private static final class DoubleSerializer extends StdSerializer<Double> {
        DoubleSerializer() {
            super(Double.class);
        }

        @Override
        public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
            if (Double.isFinite(v)) g.writeNumber(v.doubleValue());
            else g.writeNull();
        }
    }

    /** As the double it widens to (1.1f is 1.100000023841858), the digits the writer always gave. */
    private static final class FloatSerializer extends StdSerializer<Float> {
        FloatSerializer() {
            super(Float.class);
        }

        @Override
        public void serialize(Float v, JsonGenerator g, SerializerProvider p) throws IOException {
            double d = v.doubleValue();
            if (Double.isFinite(d)) g.writeNumber(d);
            else g.writeNull();
        }
    }

    /** Jackson's escapes, plus DEL (0x7f), which is ASCII but not printable. */
    private static final class DelEscape extends CharacterEscapes {
        static final DelEscape INSTANCE = new DelEscape();
        private static final int[] ESCAPES = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            int[] e = ESCAPES.clone();
            e[0x7f] = ESCAPE_STANDARD;
            return e;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
