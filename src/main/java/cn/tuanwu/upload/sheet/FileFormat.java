package cn.tuanwu.upload.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/** What a file is, by its first bytes: people rename files, so the extension proves nothing. */
enum FileFormat {
    /** A zip: an .xlsx if it turns out to hold a workbook. */
    ZIP,
    /** An OLE2 compound file: an .xls, or an encrypted .xlsx. */
    OLE2,
    /** Named .csv and not a zip or OLE2 file; the CSV reader still refuses binary content. */
    CSV;

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1,
        (byte) 0xB1, 0x1A, (byte) 0xE1};

    static FileFormat detect(Path file, String fileName) throws IOException, UploadFileException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(OLE2_MAGIC.length);
        }
        if (startsWith(head, ZIP_MAGIC)) {
            return ZIP;
        }
        if (startsWith(head, OLE2_MAGIC)) {
            return OLE2;
        }
        if (head.length > 0 && fileName != null && fileName.strip().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return CSV;
        }
        throw new UploadFileException(FileFailure.F_NOT_SPREADSHEET);
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }
}
