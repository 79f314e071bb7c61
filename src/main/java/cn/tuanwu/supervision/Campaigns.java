package cn.tuanwu.supervision;

import cn.tuanwu.identity.Caller;
import cn.tuanwu.shared.ApiException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The year's campaign: its row (the guard against a second one) and its final report. */
@Service
class Campaigns {

    private final JdbcTemplate jdbc;
    private final CampaignProcess process;
    private final Supervisions supervisions;
    private final ObjectMapper json;
    private final Clock clock;
    private final IdentityService identityService;

    Campaigns(JdbcTemplate jdbc, CampaignProcess process, Supervisions supervisions, ObjectMapper json, Clock clock,
            IdentityService identityService) {
        this.jdbc = jdbc;
        this.process = process;
        this.supervisions = supervisions;
        this.json = json;
        this.clock = clock;
        this.identityService = identityService;
    }

    /**
     * Starts {@code campaign} as the caller, in one transaction with the row and the audit entry that
     * {@link StartCampaign}, the start event's listener, writes: the same rules as a start from Tasklist. The
     * primary key on the year lets exactly one of two racing requests through; a refused start leaves nothing.
     */
    @Transactional
    String start(Integer year, Caller caller) {
        Authentication previous = identityService.getCurrentAuthentication();
        identityService.setAuthentication(caller.userId(), List.copyOf(caller.groups()));
        try {
            return process.start(year);
        } catch (StartCampaign.Refused e) {
            HttpStatus status = "CAMPAIGN_EXISTS".equals(e.code()) ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
            throw new ApiException(status, e.code(), e.getMessage());
        } catch (AuthorizationException e) {
            throw ApiException.forbidden(StartCampaign.NOT_A_SUPERVISOR);
        } finally {
            if (previous == null) {
                identityService.clearAuthentication();
            } else {
                identityService.setAuthentication(previous);
            }
        }
    }

    /**
     * The campaign's end: ended_at and the final report, one entry per organisation with its window,
     * outcome, escalation level, verdict, reasons and the figures as assessed at its close.
     */
    @Transactional
    void end(int year) {
        ObjectNode report = json.createObjectNode().put("year", year).put("endedAt", clock.instant().toString());
        ArrayNode organisations = report.putArray("organisations");
        for (Map<String, Object> row : supervisions.ofYear(year)) {
            ObjectNode entry = organisations.addObject()
                    .put("orgCode", (String) row.get("org_code"))
                    .put("windowStart", row.get("window_start").toString())
                    .put("windowEnd", row.get("window_end").toString())
                    .put("state", (String) row.get("state"))
                    .put("outcome", (String) row.get("outcome"))
                    .put("escalationLevel", ((Number) row.get("escalation_level")).intValue())
                    .put("assessment", (String) row.get("assessment"))
                    .put("reasons", (String) row.get("reasons"));
            entry.set("figures", parse((String) row.get("assessed_figures")));
        }
        int updated = jdbc.update("UPDATE campaign SET ended_at = ?, final_report = ? WHERE campaign_year = ?",
                Timestamp.from(clock.instant()), report.toString(), year);
        if (updated != 1) {
            throw new IllegalStateException("No campaign row for " + year);
        }
    }

    private com.fasterxml.jackson.databind.JsonNode parse(String figures) {
        try {
            return figures == null ? json.nullNode() : json.readTree(figures);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable assessed figures", e);
        }
    }
}
