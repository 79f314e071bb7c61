package cn.tuanwu.supervision;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Starting {@code campaign}, and the ids and variable names of {@code campaign} and {@code org-supervision}
 * (ids, codes, counts and dates only; the figures' names are in {@link FigureVariables}).
 */
@Component
class CampaignProcess {

    static final String KEY = "campaign";
    static final String SUPERVISION_KEY = "org-supervision";
    static final String REMEDIATE_TASK = "remediate";
    static final String SUPERVISE_TASK = "superviseRemediation";

    static final String YEAR = "year";
    static final String ORG_CODES = "orgCodes";
    static final String ORG_CODE = "orgCode";
    static final String CATEGORY = "category";
    static final String ADMIN_GROUP = "adminGroup";
    /** The window's first and last day, ISO dates ("2031-08-01"). */
    static final String WINDOW_START = "windowStart";
    static final String WINDOW_END = "windowEnd";
    /** Timer instants, ISO date-times at +08:00, so the engine fires them at Shanghai midnight whatever the JVM's zone. */
    static final String WINDOW_OPENS_AT = "windowOpensAt";
    static final String REMINDER_AT = "reminderAt";
    static final String WINDOW_CLOSES_AT = "windowClosesAt";
    static final String REMEDIATION_DUE_AT = "remediationDueAt";
    /**
     * The business-rule task's result: the engine's transient local {@code decisionResult} (a {@code DmnDecisionResult},
     * never stored), which the end listener turns into the three below. No result variable is mapped: a mapped list
     * would be serialised, stored and written to history three times over, only to be removed again.
     */
    static final String DECISION_RESULT = "decisionResult";
    static final String VERDICT = "verdict";
    static final String REASONS = "reasons";
    static final String REASON_LABELS = "reasonLabels";
    /** Whether the reminder seven days before the close went out (the organisation was behind then). */
    static final String REMINDED = "reminded";
    static final String ESCALATION_LEVEL = "escalationLevel";
    static final String OUTCOME = "outcome";

    private final RuntimeService runtimeService;

    CampaignProcess(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    /**
     * Starts the year's campaign as the engine's current user; {@link StartCampaign} checks the year (null or
     * not, as entered) and sets the business key. The first step is asynchronous, so this only writes the start.
     */
    String start(Integer year) {
        return runtimeService.startProcessInstanceByKey(KEY, Variables.putValue(YEAR, year)).getId();
    }

    static String businessKey(int year) {
        return "campaign-" + year;
    }

    /** {@code campaign-<year>:<orgCode>}: what supervisors type into Cockpit's search. */
    static String supervisionKey(int year, String orgCode) {
        return businessKey(year) + ":" + orgCode;
    }
}
