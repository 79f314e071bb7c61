package cn.tuanwu.upload.sheet;

/** Receives the non-blank rows of the chosen sheet, in order. */
@FunctionalInterface
public interface SheetRowHandler {

    /**
     * @throws UploadFileException to stop reading (e.g. {@link FileFailure#F_TOO_MANY_ROWS}); the
     *                             reader rethrows it unchanged
     */
    void row(SheetRow row) throws UploadFileException;
}
