package cn.tuanwu.upload.rules;

import cn.tuanwu.upload.sheet.SheetCell;
import cn.tuanwu.upload.sheet.SheetRow;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Finds the header row and maps its cells to the columns of the data standard by name. */
public final class HeaderMatcher {

    /** The header is looked for in the first ten rows, as the data standard says. */
    public static final int HEADER_SEARCH_ROWS = 10;

    // Templates mark required columns with "*", "（必填）" or "(必填)", before or after the name.
    private static final Pattern REQUIRED_MARKS = Pattern.compile("^\\*+|(\\*|\\(必填\\))+$");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private HeaderMatcher() {
    }

    /** The first of {@code rows} within the first ten rows of the sheet that is a header. */
    public static Optional<ColumnMap> find(Iterable<SheetRow> rows) {
        for (SheetRow row : rows) {
            if (row.rowNumber() > HEADER_SEARCH_ROWS) {
                break;
            }
            Optional<ColumnMap> header = match(row);
            if (header.isPresent()) {
                return header;
            }
        }
        return Optional.empty();
    }

    /** The row's columns, when one of its cells names the ID number column (by header or alias). */
    public static Optional<ColumnMap> match(SheetRow row) {
        List<String> names = new ArrayList<>(row.cells().size());
        boolean hasIdColumn = false;
        for (SheetCell cell : row.cells()) {
            String name = cell == null ? "" : headerName(cell.text());
            names.add(name);
            hasIdColumn |= Column.ID_NUMBER.matches(name);
        }
        if (!hasIdColumn) {
            return Optional.empty();
        }
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        List<UnknownColumn> unknown = new ArrayList<>();
        for (int index = 0; index < names.size(); index++) {
            String name = names.get(index);
            if (name.isEmpty()) {
                continue;
            }
            Optional<Column> column = columnNamed(name);
            if (column.isPresent() && !columns.containsKey(column.get())) {
                columns.put(column.get(), index);
            } else {
                unknown.add(new UnknownColumn(index, Text.fold(row.cell(index).text())));
            }
        }
        List<Column> missing = new ArrayList<>();
        for (Column column : Column.values()) {
            if (column.required() && !columns.containsKey(column)) {
                missing.add(column);
            }
        }
        return Optional.of(new ColumnMap(row.rowNumber(), columns, unknown, missing));
    }

    /** F_MISSING_COLUMNS's message: which required columns the header lacks, by template header. */
    public static String missingColumnsMessage(List<Column> missing) {
        String names = missing.stream().map(Column::header).collect(Collectors.joining("、"));
        return "缺少必填列：" + names + "。请使用系统模板，或补齐缺少的列";
    }

    /** A header cell reduced to what names a column: folded, without whitespace or required marks. */
    static String headerName(String raw) {
        String name = WHITESPACE.matcher(Text.fold(raw)).replaceAll("");
        return REQUIRED_MARKS.matcher(name).replaceAll("");
    }

    private static Optional<Column> columnNamed(String name) {
        for (Column column : Column.values()) {
            if (column.matches(name)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }
}
