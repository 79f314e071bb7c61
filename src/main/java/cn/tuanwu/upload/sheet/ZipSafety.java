package cn.tuanwu.upload.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.InputStreamStatistics;

/**
 * Inflates every entry of an .xlsx once, before fastexcel opens it, and refuses zip bombs the way
 * POI's ZipSecureFile would: by the bytes actually inflated, not the sizes the zip declares (those
 * are written by whoever built the file). Also runs {@link XmlPartScanner} over every entry.
 * Uses the same zip library (commons-compress) as fastexcel, so both see the same entries.
 */
final class ZipSafety {

    static final int MAX_ENTRIES = 1000;
    static final double MIN_INFLATE_RATIO = 0.01;
    /** POI's ZipSecureFile grace: small entries may compress well without being suspicious. */
    static final long RATIO_GRACE_BYTES = 1024 * 1024;

    private final long maxUncompressedBytes;

    ZipSafety(long maxUncompressedBytes) {
        this.maxUncompressedBytes = maxUncompressedBytes;
    }

    void check(Path file) throws IOException, UploadFileException {
        checkEntryCount(file);
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            long total = 0;
            byte[] buffer = new byte[64 * 1024];
            Set<String> names = new HashSet<>();
            Enumeration<ZipArchiveEntry> entries = zip.getEntriesInPhysicalOrder();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry entry = entries.nextElement();
                // Two entries with one name (OPC part names ignore case) may be read differently by
                // different tools: the one checked here need not be the one fastexcel parses.
                if (!names.add(entry.getName().toLowerCase(Locale.ROOT))) {
                    throw new UploadFileException(FileFailure.F_UNSAFE);
                }
                if (entry.isDirectory()) {
                    continue;
                }
                if (!zip.canReadEntryData(entry)) {
                    throw new UploadFileException(FileFailure.F_NOT_SPREADSHEET);
                }
                total = inflate(zip, entry, buffer, total);
            }
        }
    }

    /**
     * commons-compress keeps a large object per entry while reading the central directory;
     * java.util.zip keeps the directory as one byte array, so a zip with a million tiny entries is
     * counted here cheaply before commons-compress gets to it.
     */
    private static void checkEntryCount(Path file) throws IOException, UploadFileException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            if (zip.size() > MAX_ENTRIES) {
                throw new UploadFileException(FileFailure.F_UNSAFE);
            }
        }
    }

    private long inflate(ZipFile zip, ZipArchiveEntry entry, byte[] buffer, long totalSoFar)
            throws IOException, UploadFileException {
        long total = totalSoFar;
        long entryBytes = 0;
        XmlPartScanner scanner = new XmlPartScanner();
        try (InputStream in = zip.getInputStream(entry)) {
            if (!(in instanceof InputStreamStatistics statistics)) {
                // Excel only stores or deflates; other methods cannot be measured, so they are refused.
                throw new UploadFileException(FileFailure.F_NOT_SPREADSHEET);
            }
            int n;
            while ((n = in.read(buffer)) > 0) {
                entryBytes += n;
                total += n;
                if (total > maxUncompressedBytes) {
                    throw new UploadFileException(FileFailure.F_UNSAFE);
                }
                if (entryBytes > RATIO_GRACE_BYTES
                        && (double) statistics.getCompressedCount() / entryBytes < MIN_INFLATE_RATIO) {
                    throw new UploadFileException(FileFailure.F_UNSAFE);
                }
                scanner.feed(buffer, 0, n);
            }
            scanner.finish();
        }
        return total;
    }
}
