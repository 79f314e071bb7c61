-- Transfer-outs (人员转出): the request, its decision, and which members it moves. Members are
-- never deleted; the register keeps them transferred out with reason and date.

CREATE TABLE transfer (
    id                  VARCHAR(36)  NOT NULL PRIMARY KEY,
    org_code            VARCHAR(32)  NOT NULL REFERENCES organisation (code),
    reason              VARCHAR(20)  NOT NULL,
    note                VARCHAR(200),
    member_count        INTEGER      NOT NULL,
    status              VARCHAR(20)  NOT NULL,
    requested_by        VARCHAR(255) NOT NULL,
    requested_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by          VARCHAR(255),
    decided_at          TIMESTAMP WITH TIME ZONE,
    decision_comment    VARCHAR(1000),
    process_instance_id VARCHAR(64),
    version             BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT transfer_reason_values CHECK (reason IN ('LEFT_ORG', 'OVER_AGE', 'OTHER')),
    CONSTRAINT transfer_status_values CHECK (status IN ('AWAITING_REVIEW', 'APPLIED', 'REJECTED'))
);
CREATE INDEX transfer_org_status ON transfer (org_code, status);

CREATE TABLE transfer_member (
    transfer_id VARCHAR(36) NOT NULL REFERENCES transfer (id),
    member_id   BIGINT      NOT NULL REFERENCES member (id),
    PRIMARY KEY (transfer_id, member_id)
);
