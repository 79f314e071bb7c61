package cn.tuanwu.upload;

import cn.tuanwu.member.NewMember;
import java.util.List;

/**
 * A data row of an upload with its outcome. {@code member} holds the normalised values for rows
 * that apply; {@code cells} the uploaded text, kept for rows the error report shows.
 */
record StagedRow(int rowNumber, RowOutcome outcome, List<StagedError> errors, List<StagedError> warnings,
        List<String> changedFields, List<String> cells, Long memberId, NewMember member) {

    /** A broken rule with the index of its column in the uploaded file (null for a rule of the row). */
    record StagedError(String code, String column, Integer columnIndex, String message) {
    }

    @Override
    public String toString() {
        return "StagedRow[" + rowNumber + ", " + outcome + "]";
    }
}
