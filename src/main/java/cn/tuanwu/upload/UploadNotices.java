package cn.tuanwu.upload;

import cn.tuanwu.identity.Accounts;
import cn.tuanwu.notification.Notifications;
import cn.tuanwu.notification.Notifications.Channel;
import cn.tuanwu.notification.Notifications.NewNotification;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The upload's notifications: to the submitter at the end, to reviewers when a review waits. Counts only. */
@Component
class UploadNotices {

    private final Notifications notifications;
    private final Accounts accounts;

    UploadNotices(Notifications notifications, Accounts accounts) {
        this.notifications = notifications;
        this.accounts = accounts;
    }

    void notifySubmitter(Upload upload) {
        String subject = switch (upload.status()) {
            case APPLIED -> "团员信息导入已完成：" + upload.fileName();
            case REJECTED -> "团员信息导入未通过审核：" + upload.fileName();
            case FAILED -> "团员信息导入失败：" + upload.fileName();
            case NOTHING_TO_APPLY -> "团员信息导入无可写入的行：" + upload.fileName();
            default -> throw new IllegalStateException("No notice for an upload that is " + upload.status());
        };
        StringBuilder body = new StringBuilder(subject).append("\n");
        if (upload.status() == UploadStatus.FAILED) {
            body.append(upload.failureCode()).append("：").append(upload.failureMessage()).append("\n");
        } else {
            Map<RowOutcome, Integer> counts = upload.counts();
            counts.forEach((outcome, count) -> body.append(outcome.label()).append("：").append(count).append("\n"));
            if (upload.comment() != null && !upload.comment().isBlank()) {
                body.append("审核说明：").append(upload.comment()).append("\n");
            }
            if (counts.get(RowOutcome.REJECTED) > 0) {
                body.append("被拒绝的行见错误报告：/api/imports/").append(upload.id()).append("/errors.xlsx\n");
            }
        }
        String email = accounts.emailOf(upload.uploadedBy()).orElse(null);
        notifications.enqueue(new NewNotification("upload:" + upload.id() + ":" + upload.status(),
                email != null ? email : upload.uploadedBy(), email != null ? Channel.EMAIL : Channel.INBOX, subject,
                body.toString(), upload.orgCode(), null, upload.processInstanceId()));
    }

    void remindReviewers(Upload upload, String reviewerGroup) {
        notifications.enqueue(new NewNotification("upload:" + upload.id() + ":reminder", reviewerGroup, Channel.INBOX,
                "请审核团员信息导入：" + upload.orgCode() + " " + upload.fileName(),
                "该导入已等待审核 3 天，请在 Tasklist 中完成「审核导入」任务。", upload.orgCode(), null,
                upload.processInstanceId()));
    }

    void escalate(Upload upload, String escalationGroup) {
        notifications.enqueue(new NewNotification("upload:" + upload.id() + ":escalation", escalationGroup, Channel.INBOX,
                "团员信息导入超过 7 天未审核：" + upload.orgCode() + " " + upload.fileName(),
                "该导入已等待审核 7 天，已提交上级审核人，您现在也可以在 Tasklist 中审核。", upload.orgCode(), 1,
                upload.processInstanceId()));
    }
}
