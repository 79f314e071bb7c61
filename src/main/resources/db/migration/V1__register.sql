-- The register: the organisation tree and its members. Portable SQL for H2 and PostgreSQL.

CREATE TABLE organisation (
    code          VARCHAR(32)  NOT NULL PRIMARY KEY,
    name          VARCHAR(100) NOT NULL,
    parent_code   VARCHAR(32)  REFERENCES organisation (code),
    -- Only top-level organisations (children of the city committee) carry a category.
    category      VARCHAR(20),
    level         INTEGER      NOT NULL,
    -- Materialised path '/TSW/HP/HP01/': a subtree is every path starting with its root's path.
    path          VARCHAR(1000) NOT NULL UNIQUE,
    contact_email VARCHAR(254),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT organisation_category_on_top_level CHECK ((level = 1) = (category IS NOT NULL)),
    CONSTRAINT organisation_root_has_no_parent CHECK ((level = 0) = (parent_code IS NULL))
);
CREATE INDEX organisation_parent ON organisation (parent_code);

CREATE SEQUENCE member_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE member (
    id                BIGINT       NOT NULL PRIMARY KEY,
    id_number         VARCHAR(18)  NOT NULL UNIQUE,
    name              VARCHAR(30)  NOT NULL,
    gender            VARCHAR(6)   NOT NULL,
    birth_date        DATE         NOT NULL,
    ethnicity         VARCHAR(20)  NOT NULL,
    political_status  VARCHAR(30)  NOT NULL,
    education         VARCHAR(30)  NOT NULL,
    joined_league     DATE         NOT NULL,
    phone             VARCHAR(11)  NOT NULL,
    org_code          VARCHAR(32)  NOT NULL REFERENCES organisation (code),
    category          VARCHAR(20)  NOT NULL,
    post              VARCHAR(30),
    entry_type        VARCHAR(20)  NOT NULL,
    status            VARCHAR(20)  NOT NULL,
    transfer_reason   VARCHAR(20),
    transfer_note     VARCHAR(200),
    transferred_out_at TIMESTAMP WITH TIME ZONE,
    registered        BOOLEAN      NOT NULL DEFAULT FALSE,
    registered_at     TIMESTAMP WITH TIME ZONE,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    version           BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT member_status_values CHECK (status IN ('ACTIVE', 'TRANSFERRED_OUT')),
    CONSTRAINT member_transfer_complete CHECK (
        (status = 'ACTIVE' AND transfer_reason IS NULL AND transferred_out_at IS NULL)
        OR (status = 'TRANSFERRED_OUT' AND transfer_reason IS NOT NULL AND transferred_out_at IS NOT NULL)),
    CONSTRAINT member_registered_at CHECK (registered = (registered_at IS NOT NULL))
);
CREATE INDEX member_org_status ON member (org_code, status);
CREATE INDEX member_birth_date ON member (birth_date);

-- One row that every node locks while it seeds at start, so that two replicas never seed twice.
CREATE TABLE startup_lock (
    name VARCHAR(40) NOT NULL PRIMARY KEY
);
INSERT INTO startup_lock (name) VALUES ('bootstrap');
