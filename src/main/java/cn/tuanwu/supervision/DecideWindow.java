package cn.tuanwu.supervision;

import cn.tuanwu.identity.Groups;
import cn.tuanwu.organisation.Organisations;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code decideWindow}: the window from the {@code submission-window} table, the supervision row
 * (NOT_OPEN), and the instants of the timers, at 00:00 Asia/Shanghai with the offset written out.
 */
@Component("decideWindow")
class DecideWindow extends SupervisionDelegate {

    static final int REMINDER_DAYS_BEFORE_CLOSE = 7;

    private final SupervisionSteps steps;
    private final Clock clock;

    DecideWindow(Organisations organisations, SupervisionSteps steps, Clock clock) {
        super(organisations);
        this.steps = steps;
        this.clock = clock;
    }

    @Override
    protected void run(DelegateExecution execution) {
        String orgCode = (String) execution.getVariable(CampaignProcess.ORG_CODE);
        SubmissionWindow window = steps.decideWindow(year(execution), orgCode, execution.getProcessInstanceId());
        ZonedDateTime closes = window.closesAt(clock.getZone());
        execution.setVariable(CampaignProcess.ADMIN_GROUP, Groups.adminsOf(orgCode));
        execution.setVariable(CampaignProcess.WINDOW_START, window.firstDay().toString());
        execution.setVariable(CampaignProcess.WINDOW_END, window.lastDay().toString());
        execution.setVariable(CampaignProcess.WINDOW_OPENS_AT, iso(window.opensAt(clock.getZone())));
        execution.setVariable(CampaignProcess.REMINDER_AT, iso(closes.minusDays(REMINDER_DAYS_BEFORE_CLOSE)));
        execution.setVariable(CampaignProcess.WINDOW_CLOSES_AT, iso(closes));
        execution.setVariable(CampaignProcess.ESCALATION_LEVEL, 0);
    }

    static String iso(ZonedDateTime at) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at);
    }
}
