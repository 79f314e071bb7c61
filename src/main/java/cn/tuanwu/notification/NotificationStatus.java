package cn.tuanwu.notification;

/** Where a notification of the outbox stands. */
enum NotificationStatus {
    /** Waiting to be sent (again, after {@code next_attempt_at} when an attempt failed). */
    PENDING,
    /** Claimed by one node, which is sending it; the claim expires after the lease. */
    SENDING,
    /** Handed to the mail server; an INBOX notification is SENT when its transaction commits. */
    SENT,
    /** Every attempt failed, or the message can never be sent (an unusable address). */
    FAILED,
    /** An e-mail while no mail server is configured: readable in the outbox, never sent later. */
    HELD
}
