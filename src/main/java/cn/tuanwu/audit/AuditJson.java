package cn.tuanwu.audit;

import java.time.Instant;
import java.util.List;

/** One audit entry as {@code GET /api/audit} shows it. */
record AuditJson(long id, Instant at, String user, String action, String subjectType, String subjectId, String orgCode,
        String detail) {

    record Page(List<AuditJson> content, int page, int size, long totalElements, long totalPages) {
    }
}
