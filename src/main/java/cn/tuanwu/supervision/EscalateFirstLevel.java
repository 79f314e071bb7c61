package cn.tuanwu.supervision;

import cn.tuanwu.organisation.Organisations;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code escalateFirstLevel}: state ESCALATED at level 1, the organisation and the city supervisors told
 * (figures, reasons, lagging sub-organisations), and the remediation's due date: 00:00 Asia/Shanghai seven
 * days after the day of the escalation, the task's due date and its boundary timer alike.
 */
@Component("escalateFirstLevel")
class EscalateFirstLevel extends SupervisionDelegate {

    static final int REMEDIATION_DAYS = 7;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final SupervisionSteps steps;
    private final Clock clock;

    EscalateFirstLevel(Organisations organisations, SupervisionSteps steps, Clock clock) {
        super(organisations);
        this.steps = steps;
        this.clock = clock;
    }

    @Override
    protected void run(DelegateExecution execution) {
        ZonedDateTime due = LocalDate.now(clock).plusDays(REMEDIATION_DAYS).atStartOfDay(clock.getZone());
        steps.escalateFirstLevel(supervised(execution), FigureVariables.read(execution), storedAssessment(execution),
                SHOWN.format(due));
        execution.setVariable(CampaignProcess.REMEDIATION_DUE_AT, DecideWindow.iso(due));
        execution.setVariable(CampaignProcess.ESCALATION_LEVEL, 1);
    }
}
