package cn.tuanwu.upload.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void foldsFullWidthAsciiAndSpacesAndTrims() {
        assertThat(Text.fold("　ＳＨ０１！～　")).isEqualTo("SH01!~");
        assertThat(Text.fold(" a\u3000b ")).isEqualTo("a b");
        assertThat(Text.fold("\u00A0x\u00A0")).isEqualTo("x");
    }

    @Test
    void dropsZeroWidthCharacters() {
        assertThat(Text.fold("\uFEFF身份\u200B证号\u200C\u200D\u2060")).isEqualTo("身份证号");
    }

    @Test
    void leavesChineseTextAndPunctuationOutsideTheFullWidthBlockAlone() {
        assertThat(Text.fold("阿依古丽·买买提。")).isEqualTo("阿依古丽·买买提。");
        assertThat(Text.fold(null)).isEmpty();
    }
}
