package cn.tuanwu.upload.rules;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where the header row put each column of the data standard.
 *
 * @param headerRowNumber the header's row number as Excel shows it (1-based)
 * @param columns         the index (0 = A) of each column found
 * @param unknown         header cells that are ignored (W_UNKNOWN_COLUMN)
 * @param missingRequired required columns the header lacks (F_MISSING_COLUMNS when not empty)
 */
public record ColumnMap(int headerRowNumber, Map<Column, Integer> columns, List<UnknownColumn> unknown,
                        List<Column> missingRequired) {

    public ColumnMap {
        EnumMap<Column, Integer> copy = new EnumMap<>(Column.class);
        copy.putAll(columns);
        columns = Collections.unmodifiableMap(copy);
        unknown = List.copyOf(unknown);
        missingRequired = List.copyOf(missingRequired);
    }

    /** The column's index, or -1 when the header lacks it. */
    public int indexOf(Column column) {
        Integer index = columns.get(column);
        return index == null ? -1 : index;
    }
}
