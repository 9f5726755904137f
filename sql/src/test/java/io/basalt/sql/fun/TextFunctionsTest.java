package io.basalt.sql.fun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.error.BasaltException;
import org.junit.jupiter.api.Test;

class TextFunctionsTest {

    @Test
    void octetLengthCountsUtf8Bytes() {
        assertThat(TextFunctions.octetLength("abc")).isEqualTo(3);
        assertThat(TextFunctions.octetLength("héllo")).isEqualTo(6);
        assertThat(TextFunctions.octetLength("日本😀")).isEqualTo(10);
    }

    @Test
    void substringClipsToTheText() {
        assertThat(TextFunctions.substring("abcdef", 2, 3)).isEqualTo("bcd");
        assertThat(TextFunctions.substring("abcdef", 0, 3)).isEqualTo("ab");
        assertThat(TextFunctions.substring("abcdef", -5, 2)).isEmpty();
        assertThat(TextFunctions.substring("abcdef", 5, Long.MAX_VALUE)).isEqualTo("ef");
        assertThat(TextFunctions.substring("日本😀x", 3)).isEqualTo("😀x");
        assertThatThrownBy(() -> TextFunctions.substring("abc", 1, -1)).isInstanceOf(BasaltException.class);
    }
}
