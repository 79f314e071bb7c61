package cn.tuanwu.supervision;

import cn.tuanwu.organisation.Category;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/** Windows come from the deployed {@code submission-window} decision table, so supervisors change them by deploying it. */
@Service
public class SubmissionWindows {

    public static final String DECISION = "submission-window";

    private final DecisionService decisionService;

    SubmissionWindows(DecisionService decisionService) {
        this.decisionService = decisionService;
    }

    public Optional<SubmissionWindow> windowOf(Category category, int year) {
        DmnDecisionResultEntries result = decisionService.evaluateDecisionByKey(DECISION)
                .variables(Variables.putValue("category", category.name()))
                .evaluate()
                .getSingleResult();
        if (result == null) {
            return Optional.empty();
        }
        Map<String, Object> entries = result.getEntryMap();
        return Optional.of(new SubmissionWindow(day(entries.get("firstDay"), year), day(entries.get("lastDay"), year)));
    }

    private static LocalDate day(Object monthDay, int year) {
        return MonthDay.parse("--" + monthDay).atYear(year);
    }
}
