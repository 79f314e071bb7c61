package cn.tuanwu.upload.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The scanner refuses exactly what its byte-at-a-time reference refuses, however the bytes arrive. */
class XmlPartScannerTest {

    private static final byte[] ALPHABET = "<>!/=\"' \n:cCrRxAZz$19DOCTYPE-?".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @ValueSource(strings = {
        "<c r=\"A1\"><v>1</v></c>",
        "<x:c x:r=\"$XFD$1048576\" t=\"s\"/>",
        "<c r=\"ABCD1\"/>",
        "<x:c x:r='ZZZZ9'/>",
        "<c s=\"1\" r=\"abcd\"/>",
        "<a r=\"ABCDE1\"/>",
        "<?xml version=\"1.0\"?><!DOCTYPE worksheet []><worksheet/>",
        "<!-- DOCTYPE --><!DOCTYP><a/>",
        "\u0000<a/>", "<\u0000a/>", "\uFEFF<a/>", "<", "", "<c",
        "<sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData>",
    })
    void knownParts(String part) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        for (int split = 1; split <= Math.max(1, bytes.length); split++) {
            assertThat(refusedByNew(bytes, split)).as("%s split %d", part, split).isEqualTo(refusedByReference(bytes));
        }
    }

    @Test
    void wideColumnReferencesAndDoctypesAreRefused() {
        assertThatThrownBy(() -> scan("<c r=\"ABCD1\"/>")).isInstanceOf(UploadFileException.class);
        assertThatThrownBy(() -> scan("<!DOCTYPE x>")).isInstanceOf(UploadFileException.class);
        assertThatThrownBy(() -> scan("\u0000<")).isInstanceOf(UploadFileException.class);
    }

    @Test
    void randomMarkupInRandomPiecesAgreesWithTheReference() {
        Random random = new Random(20261125);
        for (int round = 0; round < 200_000; round++) {
            byte[] bytes = new byte[random.nextInt(48)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = random.nextInt(10) == 0 ? (byte) random.nextInt(256) : ALPHABET[random.nextInt(ALPHABET.length)];
            }
            int split = 1 + random.nextInt(Math.max(1, bytes.length));
            assertThat(refusedByNew(bytes, split)).as("%s split %d", Arrays.toString(bytes), split)
                    .isEqualTo(refusedByReference(bytes));
        }
    }

    private static void scan(String part) throws UploadFileException {
        XmlPartScanner scanner = new XmlPartScanner();
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        scanner.feed(bytes, 0, bytes.length);
        scanner.finish();
    }

    /** Fed in pieces of {@code split} bytes from an offset inside a larger buffer. */
    private static boolean refusedByNew(byte[] bytes, int split) {
        XmlPartScanner scanner = new XmlPartScanner();
        try {
            for (int from = 0; from < bytes.length; from += split) {
                int length = Math.min(split, bytes.length - from);
                byte[] buffer = new byte[length + 6];
                System.arraycopy(bytes, from, buffer, 3, length);
                Arrays.fill(buffer, 0, 3, (byte) '<');
                Arrays.fill(buffer, 3 + length, buffer.length, (byte) '<');
                scanner.feed(buffer, 3, length);
            }
            scanner.finish();
            return false;
        } catch (UploadFileException e) {
            return true;
        }
    }

    private static boolean refusedByReference(byte[] bytes) {
        ReferenceXmlPartScanner scanner = new ReferenceXmlPartScanner();
        try {
            scanner.feed(bytes, 0, bytes.length);
            scanner.finish();
            return false;
        } catch (UploadFileException e) {
            return true;
        }
    }
}
