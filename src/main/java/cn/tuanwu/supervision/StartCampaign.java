package cn.tuanwu.supervision;

import cn.tuanwu.audit.Audit;
import cn.tuanwu.identity.Groups;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The start listener of {@code campaign}'s start event: the one place the rules of starting a campaign live,
 * whether it is started by {@code POST /api/campaigns} or from Tasklist's start form. It runs in the start's
 * transaction, so a refusal here starts nothing and leaves no row: the starter must be a city supervisor, the
 * year this or next year by the engine's clock, and the year's {@code campaign} row (its primary key is the guard
 * against a second campaign) must be new. It sets the business key {@code campaign-<year>}, which a start form
 * cannot, and audits the start.
 */
@Component("startCampaign")
class StartCampaign implements ExecutionListener {

    private final IdentityService identityService;
    private final JdbcTemplate jdbc;
    private final Audit audit;
    private final Clock clock;

    StartCampaign(IdentityService identityService, JdbcTemplate jdbc, Audit audit, Clock clock) {
        this.identityService = identityService;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Authentication starter = identityService.getCurrentAuthentication();
        if (starter == null || starter.getGroupIds() == null || !starter.getGroupIds().contains(Groups.CITY_SUPERVISORS)) {
            throw new AuthorizationException(NOT_A_SUPERVISOR);
        }
        int year = year(execution.getVariable(CampaignProcess.YEAR));
        try {
            jdbc.update("INSERT INTO campaign (campaign_year, started_by, started_at, process_instance_id) VALUES (?, ?, ?, ?)",
                    year, starter.getUserId(), Timestamp.from(clock.instant()), execution.getProcessInstanceId());
        } catch (DuplicateKeyException e) {
            throw new Refused("CAMPAIGN_EXISTS", year + " 年的督查活动已经启动过，不能重复启动");
        }
        execution.setProcessBusinessKey(CampaignProcess.businessKey(year));
        // A form submits a number as Long or Double; the process and its reports read an Integer.
        execution.setVariable(CampaignProcess.YEAR, year);
        audit.record(starter.getUserId(), "START_CAMPAIGN", "campaign", String.valueOf(year), null,
                "processInstanceId=" + execution.getProcessInstanceId());
    }

    static final String NOT_A_SUPERVISOR = "只有团市委督查人员可以启动年度督查";

    /** This or next year by the engine's clock (our Clock reads it), a whole number; anything else is refused. */
    private int year(Object value) {
        int thisYear = LocalDate.now(clock).getYear();
        if (value instanceof Number number) {
            double asDouble = number.doubleValue();
            if (asDouble == Math.rint(asDouble) && asDouble >= thisYear && asDouble <= thisYear + 1) {
                return (int) asDouble;
            }
        }
        throw new Refused("E_CAMPAIGN_YEAR",
                "请填写活动年份（year）：只能是今年（" + thisYear + "）或明年（" + (thisYear + 1) + "）");
    }

    /**
     * A start refused for what was entered. A form field validation failure to the engine, so that
     * {@code /engine-rest}'s submit-form (and Tasklist) answers 400 with the message; {@code code} is the API's.
     */
    static final class Refused extends FormFieldValidationException {

        private final String code;

        Refused(String code, String message) {
            super(CampaignProcess.YEAR, message);
            this.code = code;
        }

        String code() {
            return code;
        }
    }
}
