package cn.tuanwu.upload;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** An uploaded member file and where it is in its process. The file itself is in upload_file. */
@Entity
@Table(name = "upload")
class Upload {

    @Id
    private String id;
    @Column(name = "org_code")
    private String orgCode;
    @Column(name = "file_name")
    private String fileName;
    @Column(name = "file_size")
    private long fileSize;
    private String sha256;
    @Enumerated(EnumType.STRING)
    private UploadStatus status;
    private boolean late;
    @Column(name = "failure_code")
    private String failureCode;
    @Column(name = "failure_message")
    private String failureMessage;
    @Column(name = "count_new")
    private int countNew;
    @Column(name = "count_updated")
    private int countUpdated;
    @Column(name = "count_unchanged")
    private int countUnchanged;
    @Column(name = "count_reactivated")
    private int countReactivated;
    @Column(name = "count_rejected")
    private int countRejected;
    private int warnings;
    private String headers;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    @Column(name = "uploaded_by")
    private String uploadedBy;
    @Column(name = "uploaded_at")
    private Instant uploadedAt;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "decision_comment")
    private String comment;
    @Column(name = "applied_through_row")
    private int appliedThroughRow;
    @Column(name = "applied_at")
    private Instant appliedAt;
    /** Set by {@link UploadRetention}: the file and the staged rows' personal data are gone. */
    @Column(name = "purged_at")
    private Instant purgedAt;
    @Version
    private long version;

    protected Upload() {
    }

    Upload(String id, String orgCode, String fileName, long fileSize, String sha256, String uploadedBy, Instant now) {
        this.id = id;
        this.orgCode = orgCode;
        this.fileName = fileName;
        this.fileSize = fileSize;
        this.sha256 = sha256;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = now;
        this.status = UploadStatus.VALIDATING;
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void failed(String code, String message) {
        status = UploadStatus.FAILED;
        failureCode = code;
        failureMessage = message;
        countNew = countUpdated = countUnchanged = countReactivated = countRejected = warnings = 0;
    }

    void staged(Map<RowOutcome, Integer> counts, int warnings, boolean late, String headers) {
        countNew = counts.getOrDefault(RowOutcome.NEW, 0);
        countUpdated = counts.getOrDefault(RowOutcome.UPDATED, 0);
        countUnchanged = counts.getOrDefault(RowOutcome.UNCHANGED, 0);
        countReactivated = counts.getOrDefault(RowOutcome.REACTIVATED, 0);
        countRejected = counts.getOrDefault(RowOutcome.REJECTED, 0);
        this.warnings = warnings;
        this.late = late;
        this.headers = headers;
        status = countNew + countUpdated + countReactivated > 0 ? UploadStatus.AWAITING_REVIEW : UploadStatus.NOTHING_TO_APPLY;
    }

    void decided(boolean approved, String userId, String comment, Instant now) {
        status = approved ? UploadStatus.APPLYING : UploadStatus.REJECTED;
        decidedBy = userId;
        decidedAt = now;
        this.comment = comment;
    }

    void progressed(int throughRow) {
        appliedThroughRow = throughRow;
    }

    /** A row staged as a change could not be applied after all (the register changed meanwhile). */
    void rowRejectedAtApply(RowOutcome was) {
        switch (was) {
            case NEW -> countNew--;
            case UPDATED -> countUpdated--;
            case REACTIVATED -> countReactivated--;
            default -> throw new IllegalArgumentException(was.name());
        }
        countRejected++;
    }

    void applied(Instant now) {
        status = UploadStatus.APPLIED;
        appliedAt = now;
    }

    Map<RowOutcome, Integer> counts() {
        Map<RowOutcome, Integer> counts = new EnumMap<>(RowOutcome.class);
        counts.put(RowOutcome.NEW, countNew);
        counts.put(RowOutcome.UPDATED, countUpdated);
        counts.put(RowOutcome.UNCHANGED, countUnchanged);
        counts.put(RowOutcome.REACTIVATED, countReactivated);
        counts.put(RowOutcome.REJECTED, countRejected);
        return counts;
    }

    Instant purgedAt() { return purgedAt; }

    String id() { return id; }
    String orgCode() { return orgCode; }
    String fileName() { return fileName; }
    long fileSize() { return fileSize; }
    UploadStatus status() { return status; }
    boolean late() { return late; }
    String failureCode() { return failureCode; }
    String failureMessage() { return failureMessage; }
    int warnings() { return warnings; }
    String headers() { return headers; }
    String processInstanceId() { return processInstanceId; }
    String uploadedBy() { return uploadedBy; }
    Instant uploadedAt() { return uploadedAt; }
    String decidedBy() { return decidedBy; }
    Instant decidedAt() { return decidedAt; }
    String comment() { return comment; }
    int appliedThroughRow() { return appliedThroughRow; }
}
