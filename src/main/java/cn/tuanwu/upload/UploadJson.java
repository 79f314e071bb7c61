package cn.tuanwu.upload;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Shapes of the upload API (api.md, "Uploads"). */
final class UploadJson {

    private UploadJson() {
    }

    record Accepted(String id, String processInstanceId, UploadStatus status) {
    }

    record Details(String id, String orgCode, String fileName, UploadStatus status, boolean late, String failureCode,
            String failureMessage, Map<RowOutcome, Integer> counts, int warnings, String uploadedBy, Instant uploadedAt,
            String decidedBy, Instant decidedAt, String comment, String processInstanceId, int appliedThroughRow, Instant purgedAt) {

        static Details of(Upload upload) {
            return new Details(upload.id(), upload.orgCode(), upload.fileName(), upload.status(), upload.late(),
                    upload.failureCode(), upload.failureMessage(), upload.counts(), upload.warnings(), upload.uploadedBy(),
                    upload.uploadedAt(), upload.decidedBy(), upload.decidedAt(), upload.comment(),
                    upload.processInstanceId(), upload.appliedThroughRow(), upload.purgedAt());
        }
    }

    record Row(int row, RowOutcome outcome, List<Error> errors, List<Error> warnings, List<String> changedFields) {

        static Row of(StagedRow staged) {
            return new Row(staged.rowNumber(), staged.outcome(), staged.errors().stream().map(Error::of).toList(),
                    staged.warnings().stream().map(Error::of).toList(), staged.changedFields());
        }
    }

    record Error(String code, String column, String message) {

        static Error of(StagedRow.StagedError error) {
            return new Error(error.code(), error.column(), error.message());
        }
    }

    record Page<T>(List<T> content, int page, int size, long totalElements, long totalPages) {
    }

}
