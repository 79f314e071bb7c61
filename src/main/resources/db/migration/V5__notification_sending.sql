-- Sending the outbox: claims with a lease (so that a node that died mid-send blocks nothing for
-- long), retries with backoff, and why the last attempt failed (an error class, never personal data).

ALTER TABLE notification ADD COLUMN next_attempt_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE notification ADD COLUMN claimed_by VARCHAR(100);
ALTER TABLE notification ADD COLUMN claim_token VARCHAR(36);
ALTER TABLE notification ADD COLUMN claimed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE notification ADD COLUMN last_error VARCHAR(300);

-- An INBOX notification is delivered when its transaction commits: reading it is the delivery.
UPDATE notification SET status = 'SENT', sent_at = created_at WHERE channel = 'INBOX' AND status = 'PENDING';

ALTER TABLE notification ADD CONSTRAINT notification_status_values
    CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'HELD'));
ALTER TABLE notification ADD CONSTRAINT notification_channel_values CHECK (channel IN ('EMAIL', 'INBOX'));

CREATE INDEX notification_process ON notification (process_instance_id);
