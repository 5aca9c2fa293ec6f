package org.npustudio.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QuantitiesTest {
    @Test
    void formats() {
        assertEquals("118,013,952", Quantities.grouped(118_013_952L));
        assertEquals("118 M", Quantities.si(118_013_952L));
        assertEquals("4.09 G", Quantities.si(4_089_184_256L));
        assertEquals("25.6 M", Quantities.si(25_557_032L));
        assertEquals("999", Quantities.si(999));
        assertEquals("1.00 K", Quantities.si(1000));
        assertEquals("1023 B", Quantities.bytes(1023));
        assertEquals("1.00 KiB", Quantities.bytes(1024));
        assertEquals("1.50 KiB", Quantities.bytes(1536));
        assertEquals("97.5 MiB", Quantities.bytes(102_228_128L));
        assertEquals("0 B", Quantities.bytes(0));
        assertEquals("1.00 G", Quantities.si(999_999_999L));
    }
}
