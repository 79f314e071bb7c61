package cn.tuanwu.upload.sheet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads the member sheet of an uploaded .xlsx, .xls or .csv row by row, refusing files that are not
 * spreadsheets, are encrypted, too large or hostile (zip bombs, XML entities), with the F_ codes of
 * data-standard.md. Only the format's own needs (fastexcel's shared strings, a whole .xls) are held
 * in memory, never the rows.
 *
 * <p>Exceptions carry only the failure's Chinese message, never a cause: the causes of parser
 * exceptions can quote cell content, which is personal data and must not reach logs.
 */
public final class SheetReader {

    static final String PREFERRED_SHEET = "团员信息";

    private final ReadLimits limits;
    private final ZipSafety zipSafety;
    private final XlsxSheetSource xlsx = new XlsxSheetSource();
    private final XlsSheetSource xls = new XlsSheetSource();
    private final CsvSheetSource csv = new CsvSheetSource();

    public SheetReader(ReadLimits limits) {
        this.limits = Objects.requireNonNull(limits);
        this.zipSafety = new ZipSafety(limits.maxUncompressedBytes());
    }

    /**
     * Calls {@code handler} for every non-blank row of the chosen sheet, in order.
     *
     * @param fileName the name the user gave the file; only its {@code .csv} ending is used, since
     *                 xlsx and xls are recognised by content
     * @throws UploadFileException the file is refused, or the handler stopped the reading (its own
     *                             exception, unchanged)
     */
    public void read(Path file, String fileName, SheetRowHandler handler) throws UploadFileException {
        Objects.requireNonNull(file);
        Objects.requireNonNull(handler);
        try {
            long size = Files.size(file);
            if (size > limits.maxBytes()) {
                throw new UploadFileException(FileFailure.F_TOO_LARGE);
            }
            if (size == 0) {
                throw new UploadFileException(FileFailure.F_NOT_SPREADSHEET);
            }
            RowEmitter out = new RowEmitter(limits.maxColumns(), handler);
            switch (FileFormat.detect(file, fileName)) {
                case ZIP -> {
                    zipSafety.check(file);
                    xlsx.read(file, out, limits.maxColumns());
                }
                case OLE2 -> xls.read(file, out, limits.maxColumns());
                case CSV -> csv.read(file, out, limits.maxColumns());
            }
        } catch (HandlerFailure e) {
            throw e.original();
        } catch (IOException | RuntimeException e) {
            // Corrupt zip, broken XML, POI's record errors, fastexcel's ExcelReaderException: all mean
            // the file cannot be read as a spreadsheet. Deliberately no cause (see the class comment).
            throw new UploadFileException(FileFailure.F_NOT_SPREADSHEET);
        }
    }
}
