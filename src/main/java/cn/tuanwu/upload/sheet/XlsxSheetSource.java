package cn.tuanwu.upload.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.dhatim.fastexcel.reader.SheetVisibility;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Streams an .xlsx with fastexcel (several times faster than POI's SAX reader). Only call it on a
 * file {@link ZipSafety} has passed: fastexcel itself has no zip-bomb or reference limits.
 */
final class XlsxSheetSource {

    /** Cell formats are needed to tell dates from numbers; a malformed value fails the file. */
    private static final ReadingOptions OPTIONS = new ReadingOptions(true, false);

    void read(Path file, RowEmitter out, int maxColumns) throws IOException, UploadFileException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile(), OPTIONS)) {
            Set<String> worksheets = worksheetIds(file);
            Sheet sheet = choose(workbook.getSheets()
                    .filter(each -> worksheets == null || worksheets.contains(each.getId())).toList());
            if (sheet == null) {
                return;
            }
            boolean date1904 = workbook.isDate1904();
            try (Stream<Row> rows = sheet.openStream()) {
                Iterator<Row> iterator = rows.iterator();
                while (iterator.hasNext()) {
                    Row row = iterator.next();
                    out.begin(row.getRowNum());
                    int width = Math.min(row.getCellCount(), maxColumns);
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

    /**
     * The relationship ids of the workbook's worksheets, or null when the workbook has no relationship
     * part where Excel writes it. fastexcel lists chart sheets and dialog sheets as sheets too, and a
     * chart tab first in the workbook must not hide the data behind it.
     */
    private static Set<String> worksheetIds(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry rels = zip.getEntry("xl/_rels/workbook.xml.rels");
            if (rels == null) {
                return null;
            }
            NodeList relationships;
            try (InputStream in = zip.getInputStream(rels)) {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                // ZipSafety has refused any DOCTYPE already; this parser refuses one too.
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                factory.setExpandEntityReferences(false);
                relationships = factory.newDocumentBuilder().parse(in).getElementsByTagNameNS("*", "Relationship");
            } catch (ParserConfigurationException | SAXException e) {
                throw new IOException("unreadable workbook relationships");
            }
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < relationships.getLength(); i++) {
                Element relationship = (Element) relationships.item(i);
                if (relationship.getAttribute("Type").endsWith("/worksheet")) {
                    ids.add(relationship.getAttribute("Id"));
                }
            }
            return ids;
        }
    }

    /** The sheet named 团员信息 wherever it is, else the first one a user can see. */
    private static Sheet choose(List<Sheet> sheets) {
        for (Sheet sheet : sheets) {
            if (SheetReader.PREFERRED_SHEET.equals(sheet.getName())) {
                return sheet;
            }
        }
        for (Sheet sheet : sheets) {
            if (sheet.getVisibility() == SheetVisibility.VISIBLE) {
                return sheet;
            }
        }
        return null;
    }

    private static SheetCell map(Cell cell, boolean date1904) {
        Object value = cell.getValue();
        return switch (cell.getType()) {
            case EMPTY -> null;
            case STRING -> value == null ? null : CellValues.text(value.toString(), false);
            case NUMBER -> number(cell, (BigDecimal) value, date1904, false);
            case BOOLEAN -> value == null ? null : CellValues.bool((Boolean) value, false);
            case ERROR -> CellValues.error(value == null ? cell.getRawValue() : value.toString(), false);
            case FORMULA -> cachedValue(cell, value, date1904);
        };
    }

    /**
     * fastexcel parses a formula's cached value by the cell's type attribute: a BigDecimal for
     * numbers, a Boolean, or a String for both text and errors (the type attribute itself is not
     * exposed), so a String that is one of Excel's error texts is taken as an error.
     */
    private static SheetCell cachedValue(Cell cell, Object value, boolean date1904) {
        if (value instanceof BigDecimal number) {
            return number(cell, number, date1904, true);
        }
        if (value instanceof Boolean bool) {
            return CellValues.bool(bool, true);
        }
        if (value instanceof String text) {
            return CellValues.isErrorText(text) ? CellValues.error(text, true) : CellValues.text(text, true);
        }
        return null;
    }

    private static SheetCell number(Cell cell, BigDecimal value, boolean date1904, boolean formula) {
        if (value == null) {
            return null;
        }
        Integer formatId = cell.getDataFormatId();
        boolean dateFormat = formatId != null && CellValues.isDateFormat(formatId, cell.getDataFormatString());
        return CellValues.number(value, dateFormat, date1904, formula);
    }
}
