package org.npustudio.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MarkupTest {
    @Test
    void escapesMarkupAndDropsForbiddenControls() {
        assertEquals("a&lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;", Markup.escape("a<b> & \"c\" 'd'"));
        assertEquals("tab\tline\nend", Markup.escape("tab\tline\n\u0001end"));
        assertEquals("", Markup.escape(null));
    }
}
