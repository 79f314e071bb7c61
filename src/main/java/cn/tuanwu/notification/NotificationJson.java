package cn.tuanwu.notification;

import java.time.Instant;
import java.util.List;

/** One notification of the outbox as {@code GET /api/notifications} shows it. */
record NotificationJson(long id, String recipient, String channel, String subject, String body, Integer escalationLevel,
        String processInstanceId, String status, Instant createdAt, Instant sentAt) {

    record Page(List<NotificationJson> content, int page, int size, long totalElements, long totalPages) {
    }
}
