package cn.tuanwu.transfer;

import cn.tuanwu.member.TransferReason;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A transfer-out request; its members are in transfer_member. */
@Entity
@Table(name = "transfer")
class Transfer {

    @Id
    private String id;
    @Column(name = "org_code")
    private String orgCode;
    @Enumerated(EnumType.STRING)
    private TransferReason reason;
    private String note;
    @Column(name = "member_count")
    private int memberCount;
    @Enumerated(EnumType.STRING)
    private TransferStatus status;
    @Column(name = "requested_by")
    private String requestedBy;
    @Column(name = "requested_at")
    private Instant requestedAt;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "decision_comment")
    private String comment;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    @Version
    private long version;

    protected Transfer() {
    }

    Transfer(String id, String orgCode, TransferReason reason, String note, int memberCount, String requestedBy,
            Instant now) {
        this.id = id;
        this.orgCode = orgCode;
        this.reason = reason;
        this.note = note;
        this.memberCount = memberCount;
        this.requestedBy = requestedBy;
        this.requestedAt = now;
        this.status = TransferStatus.AWAITING_REVIEW;
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void decided(boolean approved, String userId, String comment, Instant now) {
        this.decidedBy = userId;
        this.decidedAt = now;
        this.comment = comment;
        if (!approved) {
            this.status = TransferStatus.REJECTED;
        }
    }

    void applied() {
        this.status = TransferStatus.APPLIED;
    }

    String id() {
        return id;
    }

    String orgCode() {
        return orgCode;
    }

    TransferReason reason() {
        return reason;
    }

    String note() {
        return note;
    }

    int memberCount() {
        return memberCount;
    }

    TransferStatus status() {
        return status;
    }

    String requestedBy() {
        return requestedBy;
    }

    Instant requestedAt() {
        return requestedAt;
    }

    String decidedBy() {
        return decidedBy;
    }

    Instant decidedAt() {
        return decidedAt;
    }

    String comment() {
        return comment;
    }

    String processInstanceId() {
        return processInstanceId;
    }
}
