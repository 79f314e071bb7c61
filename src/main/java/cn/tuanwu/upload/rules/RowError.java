package cn.tuanwu.upload.rules;

/**
 * One broken rule of one row: its code (E_… or W_…), the column's template header (null for a rule
 * of the whole row) and a Chinese message that says what to fix. Messages never repeat an ID
 * number, phone or name.
 */
public record RowError(String code, Column column, String message) {
}
