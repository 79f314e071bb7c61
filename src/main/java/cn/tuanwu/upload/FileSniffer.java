package cn.tuanwu.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** A first look at the door: is this possibly a spreadsheet? The reader decides for sure later. */
final class FileSniffer {

    private FileSniffer() {
    }

    static boolean mayBeSpreadsheet(Path file, String fileName) throws IOException {
        byte[] head = new byte[8];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        if (read >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return true;
        }
        if (read == 8 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11
                && (head[3] & 0xFF) == 0xE0) {
            return true;
        }
        boolean csvName = fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".csv");
        boolean pdf = read >= 4 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F';
        return csvName && read > 0 && !pdf;
    }
}
