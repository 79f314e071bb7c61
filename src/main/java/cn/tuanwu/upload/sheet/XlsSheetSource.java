package cn.tuanwu.upload.sheet;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * Reads an OLE2 file: refuses an encrypted .xlsx (its package sits inside an OLE2 container) and
 * an encrypted .xls, and reads an .xls with POI's usermodel. That loads the whole workbook, which
 * is bounded: an .xls has at most 65,536 rows and the file is already under the size limit.
 */
final class XlsSheetSource {

    void read(Path file, RowEmitter out, int maxColumns) throws IOException, UploadFileException {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            if (fs.getRoot().hasEntry(Decryptor.DEFAULT_POIFS_ENTRY)
                    || fs.getRoot().hasEntry("EncryptionInfo")) {
                throw new UploadFileException(FileFailure.F_ENCRYPTED);
            }
            try (HSSFWorkbook workbook = open(fs)) {
                Sheet sheet = choose(workbook);
                if (sheet == null) {
                    return;
                }
                boolean date1904 = workbook.getInternalWorkbook().isUsing1904DateWindowing();
                for (Row row : sheet) {
                    out.begin(row.getRowNum() + 1);
                    int width = Math.min(row.getLastCellNum(), maxColumns);
                    for (int column = 0; column < width; column++) {
                        Cell cell = row.getCell(column);
                        if (cell != null) {
                            out.cell(column, map(cell, date1904));
                        }
                    }
                    out.end();
                }
            }
        }
    }

    private static HSSFWorkbook open(POIFSFileSystem fs) throws IOException, UploadFileException {
        try {
            return new HSSFWorkbook(fs.getRoot(), false);
        } catch (EncryptedDocumentException e) {
            throw new UploadFileException(FileFailure.F_ENCRYPTED);
        }
    }

    private static Sheet choose(HSSFWorkbook workbook) {
        int preferred = workbook.getSheetIndex(SheetReader.PREFERRED_SHEET);
        if (preferred >= 0) {
            return workbook.getSheetAt(preferred);
        }
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            if (!workbook.isSheetHidden(i) && !workbook.isSheetVeryHidden(i)) {
                return workbook.getSheetAt(i);
            }
        }
        return null;
    }

    private static SheetCell map(Cell cell, boolean date1904) {
        boolean formula = cell.getCellType() == CellType.FORMULA;
        CellType type = formula ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> CellValues.text(cell.getStringCellValue(), formula);
            case NUMERIC -> CellValues.number(BigDecimal.valueOf(cell.getNumericCellValue()),
                    isDateFormat(cell.getCellStyle()), date1904, formula);
            case BOOLEAN -> CellValues.bool(cell.getBooleanCellValue(), formula);
            case ERROR -> CellValues.error(errorText(cell.getErrorCellValue()), formula);
            default -> null;
        };
    }

    private static boolean isDateFormat(CellStyle style) {
        return style != null && CellValues.isDateFormat(style.getDataFormat(), style.getDataFormatString());
    }

    private static String errorText(byte code) {
        return FormulaError.isValidCode(code) ? FormulaError.forInt(code).getString() : "#VALUE!";
    }
}
