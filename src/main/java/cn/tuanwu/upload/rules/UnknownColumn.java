package cn.tuanwu.upload.rules;

/**
 * A header cell that names no column of the data standard, or names one a second time: the upload
 * ignores that column and warns {@code W_UNKNOWN_COLUMN}.
 *
 * @param index      the column index (0 = A)
 * @param headerText the header as folded, for the warning's message
 */
public record UnknownColumn(int index, String headerText) {
}
