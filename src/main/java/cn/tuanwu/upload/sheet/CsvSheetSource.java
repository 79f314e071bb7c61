package cn.tuanwu.upload.sheet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a .csv: UTF-8 (with or without BOM) when the whole file decodes as UTF-8, else GB18030
 * (what Excel in a Chinese locale saves as "CSV"). Every field is text, as typed.
 */
final class CsvSheetSource {

    private static final Charset GB18030 = Charset.forName("GB18030");

    /** RFC 4180, but forgiving of what spreadsheet programs and people write: ragged rows, stray quotes. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false)
            .setTrailingData(true)
            .setLenientEof(true)
            .get();

    void read(Path file, RowEmitter out, int maxColumns) throws IOException, UploadFileException {
        Charset charset = detectCharset(file);
        try (Reader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), charset));
             CSVParser parser = CSVParser.builder().setReader(skipBom(reader)).setFormat(FORMAT).get()) {
            for (CSVRecord record : parser) {
                out.begin(Math.toIntExact(record.getRecordNumber()));
                int width = Math.min(record.size(), maxColumns);
                for (int column = 0; column < width; column++) {
                    String value = record.get(column);
                    if (!value.isEmpty()) {
                        out.cell(column, SheetCell.text(value));
                    }
                }
                out.end();
            }
        }
    }

    /**
     * One streaming pass over the bytes: a NUL byte means binary content (a text file never has
     * one, not even in GB18030); otherwise UTF-8 if every byte sequence is valid UTF-8.
     */
    static Charset detectCharset(Path file) throws IOException, UploadFileException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
        CharBuffer chars = CharBuffer.allocate(64 * 1024);
        boolean utf8 = true;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(bytes.array(), bytes.position(), bytes.remaining())) >= 0) {
                for (int i = bytes.position(); i < bytes.position() + n; i++) {
                    if (bytes.get(i) == 0) {
                        throw new UploadFileException(FileFailure.F_NOT_SPREADSHEET);
                    }
                }
                bytes.position(bytes.position() + n);
                bytes.flip();
                if (utf8) {
                    utf8 = decode(decoder, bytes, chars, false);
                }
                if (utf8) {
                    bytes.compact();
                } else {
                    bytes.clear();
                }
            }
        }
        if (utf8) {
            bytes.flip();
            utf8 = decode(decoder, bytes, chars, true) && !decoder.flush(chars.clear()).isError();
        }
        return utf8 ? StandardCharsets.UTF_8 : GB18030;
    }

    private static boolean decode(CharsetDecoder decoder, ByteBuffer bytes, CharBuffer chars, boolean end) {
        while (true) {
            chars.clear();
            CoderResult result = decoder.decode(bytes, chars, end);
            if (result.isError()) {
                return false;
            }
            if (!result.isOverflow()) {
                return true;
            }
        }
    }

    /** Excel writes a BOM at the start of UTF-8 CSV; it is not part of the first header. */
    private static Reader skipBom(Reader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }
}
