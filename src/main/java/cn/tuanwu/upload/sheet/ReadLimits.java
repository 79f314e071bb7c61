package cn.tuanwu.upload.sheet;

/**
 * How much of an uploaded file the reader accepts.
 *
 * @param maxBytes             the largest file, in bytes, before {@link FileFailure#F_TOO_LARGE}
 * @param maxColumns           cells at this column index (0-based) or beyond are ignored
 * @param maxUncompressedBytes the most an .xlsx may inflate to, all entries together, before
 *                             {@link FileFailure#F_UNSAFE}
 */
public record ReadLimits(long maxBytes, int maxColumns, long maxUncompressedBytes) {

    public ReadLimits {
        if (maxBytes <= 0 || maxColumns <= 0 || maxUncompressedBytes <= 0) {
            throw new IllegalArgumentException("read limits must be positive");
        }
    }

    /** 50 MB per file, 256 columns, 1 GiB inflated. */
    public static ReadLimits defaults() {
        return new ReadLimits(50L * 1024 * 1024, 256, 1024L * 1024 * 1024);
    }
}
