package cn.tuanwu.supervision;

import cn.tuanwu.identity.Accounts;
import cn.tuanwu.identity.Groups;
import cn.tuanwu.notification.Notifications;
import cn.tuanwu.notification.Notifications.Channel;
import cn.tuanwu.notification.Notifications.NewNotification;
import cn.tuanwu.organisation.OrganisationInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The supervision's notifications, into the outbox: one row per recipient, keyed
 * {@code campaign-<year>:<org>:<event>:<recipient>}, so each is enqueued exactly once however often
 * a step runs and on however many nodes. Bodies hold figures, codes and organisation names only.
 */
@Component
class SupervisionNotices {

    private static final int MAX_KEY = 200;

    private final Notifications notifications;
    private final Accounts accounts;

    SupervisionNotices(Notifications notifications, Accounts accounts) {
        this.notifications = notifications;
        this.accounts = accounts;
    }

    void windowOpened(Supervised supervised) {
        String subject = prefix(supervised) + supervised.org().name() + " 报送窗口已开启";
        String body = supervised.org().name() + "（" + supervised.org().code() + "）的报送时间窗口为 "
                + supervised.window().firstDay() + " 至 " + supervised.window().lastDay() + "（北京时间），现已开启。\n"
                + "请在窗口内完成信息补录、信息调整和人员转出，及时审核下级上传，推动网上大报到；窗口于 "
                + supervised.window().lastDay() + " 24:00 关闭，届时将评估完成情况。";
        send(supervised, "window-open", organisationContacts(supervised.org()), subject, body, null);
    }

    void reminder(Supervised supervised, Figures figures, Assessment assessment) {
        String subject = prefix(supervised) + supervised.org().name() + " 报送窗口 7 天后关闭，进度落后";
        String body = "报送窗口将于 " + supervised.window().lastDay() + " 24:00（北京时间）关闭。按目前的数据，"
                + supervised.org().name() + "（" + supervised.org().code() + "）在关闭时将被预警：" + assessment.labels()
                + "。\n\n" + figuresText(figures);
        send(supervised, "reminder", organisationContacts(supervised.org()), subject, body, null);
    }

    void firstLevel(Supervised supervised, Figures figures, Assessment assessment,
            List<SupervisionSteps.SubOrganisation> lagging, String due) {
        String subject = prefix(supervised) + "一级预警：" + supervised.org().name() + " 未按期完成";
        StringBuilder body = new StringBuilder(supervised.org().name()).append("（").append(supervised.org().code())
                .append("）报送窗口（").append(supervised.window().firstDay()).append(" 至 ")
                .append(supervised.window().lastDay()).append("）结束时评估未达标：").append(assessment.labels())
                .append("。\n已向该组织管理员下达「整改」任务，截止 ").append(due).append("（北京时间）；逾期将提交团市委督办。\n\n")
                .append(figuresText(figures));
        if (!lagging.isEmpty()) {
            body.append("\n进度落后的下级组织（网上大报到率低于标准，或报送期内未补录、调整）：\n");
            lagging.forEach(org -> body.append("- ").append(org.name()).append("（").append(org.code()).append("）\n"));
        }
        List<Recipient> recipients = new ArrayList<>(organisationContacts(supervised.org()));
        recipients.addAll(citySupervisors());
        send(supervised, "escalation-1", recipients, subject, body.toString(), 1);
    }

    void secondLevel(Supervised supervised, Figures figures, Assessment assessment) {
        String subject = prefix(supervised) + "二级预警：" + supervised.org().name() + " 整改逾期，提交团市委督办";
        String body = supervised.org().name() + "（" + supervised.org().code() + "）未在截止时间前完成整改，已提交团市委督办。"
                + "评估未达标的原因：" + assessment.labels() + "。\n团市委督查人员请在 Tasklist 中处理「督办」任务。\n\n"
                + figuresText(figures);
        List<Recipient> recipients = new ArrayList<>(organisationContacts(supervised.org()));
        recipients.addAll(citySupervisors());
        send(supervised, "escalation-2", recipients, subject, body, 2);
    }

    static String figuresText(Figures figures) {
        return "在册团员：" + figures.activeMembers() + "\n"
                + "报送期内补录（新增、恢复）：" + figures.uploadedInWindow() + "\n"
                + "报送期内调整：" + figures.updatedInWindow() + "\n"
                + "报送期内转出：" + figures.transferredOutInWindow() + "\n"
                + "本年度新入学学生团员：" + figures.newStudents() + "\n"
                + "本年度新入职团员：" + figures.newEmployees() + "\n"
                + "本年度新发展团员：" + figures.newlyDeveloped() + "\n"
                + "已报到：" + figures.registered() + "，未报到：" + figures.unregistered() + "，网上大报到率："
                + figures.registrationRate().movePointRight(2).stripTrailingZeros().toPlainString() + "%\n"
                + "待审核的上传：" + figures.pendingReviews() + "\n"
                + "在册超龄团员：" + figures.overAgeActive() + "\n";
    }

    private List<Recipient> organisationContacts(OrganisationInfo org) {
        List<Recipient> recipients = new ArrayList<>();
        if (org.contactEmail() != null && !org.contactEmail().isBlank()) {
            recipients.add(new Recipient(org.contactEmail().strip(), Channel.EMAIL));
        }
        recipients.add(new Recipient(Groups.adminsOf(org.code()), Channel.INBOX));
        return recipients;
    }

    private List<Recipient> citySupervisors() {
        List<Recipient> recipients = new ArrayList<>();
        recipients.add(new Recipient(Groups.CITY_SUPERVISORS, Channel.INBOX));
        accounts.emailsOfMembers(Groups.CITY_SUPERVISORS).forEach(email -> recipients.add(new Recipient(email, Channel.EMAIL)));
        return recipients;
    }

    private void send(Supervised supervised, String event, List<Recipient> recipients, String subject, String body,
            Integer level) {
        String prefix = CampaignProcess.supervisionKey(supervised.year(), supervised.org().code()) + ":" + event + ":";
        notifications.enqueueAll(recipients.stream().distinct().map(recipient -> new NewNotification(
                dedupKey(prefix, recipient.address()), recipient.address(), recipient.channel(), subject, body,
                supervised.org().code(), level, supervised.processInstanceId())).toList());
    }

    /** The key with the recipient, or its SHA-256 when a long e-mail address would overflow the column. */
    static String dedupKey(String prefix, String recipient) {
        String key = prefix + recipient;
        if (key.length() <= MAX_KEY) {
            return key;
        }
        try {
            return prefix + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(recipient.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String prefix(Supervised supervised) {
        return "【" + supervised.year() + " 年团员信息督查】";
    }

    private record Recipient(String address, Channel channel) {
    }
}
