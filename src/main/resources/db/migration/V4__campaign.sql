-- The year's campaign and the supervision of each top-level organisation in it (督查).
CREATE TABLE campaign (
    campaign_year       INTEGER      NOT NULL PRIMARY KEY,
    process_instance_id VARCHAR(64),
    started_by          VARCHAR(255) NOT NULL,
    started_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at            TIMESTAMP WITH TIME ZONE,
    -- The final report written when the campaign ends (JSON: one entry per top-level organisation).
    final_report        TEXT,
    CONSTRAINT campaign_year_range CHECK (campaign_year BETWEEN 2000 AND 2100)
);

-- One row per top-level organisation and year, kept current by its org-supervision process; the
-- progress report reads state, outcome and escalation level from here and the figures live from the register.
CREATE TABLE supervision (
    campaign_year       INTEGER      NOT NULL REFERENCES campaign (campaign_year),
    org_code            VARCHAR(32)  NOT NULL REFERENCES organisation (code),
    window_start        DATE         NOT NULL,
    window_end          DATE         NOT NULL,
    state               VARCHAR(12)  NOT NULL,
    outcome             VARCHAR(20),
    escalation_level    INTEGER      NOT NULL DEFAULT 0,
    -- completion-assessment's verdict at the window's close (ON_TRACK / ESCALATE) and its reasons (codes).
    assessment          VARCHAR(12),
    reasons             VARCHAR(1000),
    -- The figures as assessed (JSON), so the verdict can be explained after the register moved on.
    assessed_figures    TEXT,
    assessed_at         TIMESTAMP WITH TIME ZONE,
    process_instance_id VARCHAR(64),
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (campaign_year, org_code),
    CONSTRAINT supervision_state_values CHECK (state IN ('NOT_OPEN', 'OPEN', 'ESCALATED', 'DONE')),
    CONSTRAINT supervision_outcome_values CHECK (outcome IS NULL OR outcome IN ('ON_TIME', 'REMEDIATED', 'ESCALATED_TO_CITY')),
    CONSTRAINT supervision_assessment_values CHECK (assessment IS NULL OR assessment IN ('ON_TRACK', 'ESCALATE')),
    CONSTRAINT supervision_level_range CHECK (escalation_level BETWEEN 0 AND 2),
    CONSTRAINT supervision_done_has_outcome CHECK ((state = 'DONE') = (outcome IS NOT NULL))
);
CREATE INDEX supervision_org ON supervision (org_code);

-- The figures count members entered or changed in a window by the upload that did it.
CREATE INDEX upload_status_uploaded ON upload (status, uploaded_at);
CREATE INDEX member_transferred_out ON member (transferred_out_at);
