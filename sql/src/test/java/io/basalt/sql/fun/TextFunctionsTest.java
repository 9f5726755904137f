package io.basalt.sql.fun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.error.BasaltException;
import org.junit.jupiter.api.Test;

class TextFunctionsTest {

    @Test
    void likeMatchesPercentAndUnderscoreWithBackslashAsEscape() {
        assertThat(TextFunctions.like("abc", "abc")).isTrue();
        assertThat(TextFunctions.like("abc", "ab")).isFalse();
        assertThat(TextFunctions.like("abc", "%")).isTrue();
        assertThat(TextFunctions.like("", "%%")).isTrue();
        assertThat(TextFunctions.like("", "_")).isFalse();
        assertThat(TextFunctions.like("aXbXc", "a%b%c")).isTrue();
        assertThat(TextFunctions.like("aaab", "%aab")).isTrue();
        assertThat(TextFunctions.like("abcabd", "%abd")).isTrue();
        assertThat(TextFunctions.like("abcab", "%abd")).isFalse();
        assertThat(TextFunctions.like("a%c", "a\\%c")).isTrue();
        assertThat(TextFunctions.like("abc", "a\\%c")).isFalse();
        assertThat(TextFunctions.like("a\\c", "a\\\\c")).isTrue();
        assertThat(TextFunctions.like("ab", "a\\b")).isTrue();
        assertThat(TextFunctions.like("ABC", "abc")).isFalse();
    }

    @Test
    void likeCountsCharactersNotUtf16Units() {
        assertThat(TextFunctions.like("a😀c", "a_c")).isTrue();
        assertThat(TextFunctions.like("😀😀", "_%_")).isTrue();
        assertThat(TextFunctions.like("😀", "__")).isFalse();
        assertThat(TextFunctions.like("x😀", "%😀")).isTrue();
    }

    @Test
    void likePatternEndingWithEscapeIsAnError() {
        assertThatThrownBy(() -> TextFunctions.like("ab", "ab\\")).isInstanceOf(BasaltException.class);
        assertThatThrownBy(() -> TextFunctions.like("abc", "ab\\")).isInstanceOf(BasaltException.class);
    }

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
