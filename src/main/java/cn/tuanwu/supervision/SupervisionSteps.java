package cn.tuanwu.supervision;

import cn.tuanwu.organisation.OrganisationInfo;
import cn.tuanwu.organisation.Organisations;
import cn.tuanwu.shared.TransactionMemo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of {@code org-supervision}, each one transaction that moves the supervision row and writes
 * its notifications together: a step that fails leaves neither, and its retry writes both.
 */
@Service
@Transactional
class SupervisionSteps {

    private final Supervisions supervisions;
    private final SupervisionNotices notices;
    private final SubmissionWindows windows;
    private final CampaignFigures figures;
    private final CompletionAssessment assessment;
    private final Organisations organisations;
    private final ObjectMapper json;
    private final Clock clock;

    SupervisionSteps(Supervisions supervisions, SupervisionNotices notices, SubmissionWindows windows,
            CampaignFigures figures, CompletionAssessment assessment, Organisations organisations, ObjectMapper json,
            Clock clock) {
        this.supervisions = supervisions;
        this.notices = notices;
        this.windows = windows;
        this.figures = figures;
        this.assessment = assessment;
        this.organisations = organisations;
        this.json = json;
        this.clock = clock;
    }

    /** The window as the deployed {@code submission-window} table decides it; the row starts NOT_OPEN. */
    SubmissionWindow decideWindow(int year, String orgCode, String processInstanceId) {
        OrganisationInfo org = organisations.require(orgCode);
        if (!org.isTopLevel() || org.category() == null) {
            throw new IllegalStateException(orgCode + " is no top-level organisation with a category");
        }
        SubmissionWindow window = windows.windowOf(org.category(), year).orElseThrow(() -> new IllegalStateException(
                SubmissionWindows.DECISION + " has no window for " + org.category()));
        supervisions.open(year, orgCode, window, processInstanceId);
        return window;
    }

    void openWindow(Supervised supervised) {
        supervisions.windowOpened(supervised.year(), supervised.org().code());
        notices.windowOpened(supervised);
    }

    /**
     * Seven days before the close: the same assessment as at the close, and a reminder only when it would
     * escalate. Nothing once the window has closed (a campaign started late fires both timers at once).
     */
    boolean remindIfBehind(Supervised supervised) {
        if (hasClosed(supervised.window())) {
            return false;
        }
        Figures now = figures.ofSubtree(supervised.org(), supervised.year(), supervised.window());
        Assessment verdict = assessment.assess(now);
        if (verdict.verdict() == Assessment.Verdict.ON_TRACK) {
            return false;
        }
        notices.reminder(supervised, now, verdict);
        return true;
    }

    boolean hasClosed(SubmissionWindow window) {
        return !clock.instant().isBefore(window.closesAt(clock.getZone()).toInstant());
    }

    /**
     * The figures at the close, kept with the row so the verdict can be explained later, and the direct
     * sub-organisations lagging then, which a level-1 escalation names: both from one pass over the register.
     */
    Figures assessProgress(Supervised supervised) {
        CampaignFigures.SubtreeFigures counted = figures.ofSubtreeAndChildren(supervised.org(), supervised.year(),
                supervised.window());
        List<SubOrganisation> lagging = lagging(counted);
        supervisions.assessed(supervised.year(), supervised.org().code(), toJson(counted.subtree()),
                lagging.stream().map(SubOrganisation::code).toList());
        TransactionMemo.put(laggingKey(supervised), lagging);
        return counted.subtree();
    }

    void escalateFirstLevel(Supervised supervised, Figures assessed, Assessment verdict, String due) {
        supervisions.escalated(supervised.year(), supervised.org().code(), 1, verdict.verdict(), verdict.codes());
        notices.firstLevel(supervised, assessed, verdict, laggingAtClose(supervised), due);
    }

    /**
     * The lagging sub-organisations the close recorded: as {@link #assessProgress} found them in this job, else
     * from the row.
     */
    private List<SubOrganisation> laggingAtClose(Supervised supervised) {
        return TransactionMemo.<List<SubOrganisation>>find(laggingKey(supervised)).orElseGet(() -> {
            Set<String> lagging = Set.copyOf(supervisions.laggingAtClose(supervised.year(), supervised.org().code()));
            return organisations.children(supervised.org().code()).stream()
                    .filter(child -> lagging.contains(child.code()))
                    .map(child -> new SubOrganisation(child.code(), child.name()))
                    .sorted(Comparator.comparing(SubOrganisation::code)).toList();
        });
    }

    private static String laggingKey(Supervised supervised) {
        return "laggingAtClose:" + supervised.year() + ":" + supervised.org().code();
    }

    void escalateSecondLevel(Supervised supervised, Figures assessed, Assessment verdict) {
        supervisions.escalated(supervised.year(), supervised.org().code(), 2, verdict.verdict(), verdict.codes());
        notices.secondLevel(supervised, assessed, verdict);
    }

    Outcome recordOutcome(Supervised supervised, Assessment verdict, int escalationLevel) {
        Outcome outcome = Outcome.of(verdict.verdict(), escalationLevel);
        supervisions.done(supervised.year(), supervised.org().code(), outcome, verdict.verdict(), verdict.codes());
        return outcome;
    }

    /**
     * The direct sub-organisations that the table finds behind on registration or with nothing submitted,
     * judged by the same table as their parent, in code order; one with no members at all has submitted nothing.
     */
    private List<SubOrganisation> lagging(CampaignFigures.SubtreeFigures counted) {
        Function<Figures, Assessment> judge = assessment.latestTable();
        List<SubOrganisation> lagging = new ArrayList<>();
        counted.childNames().forEach((code, name) -> {
            Assessment verdict = judge.apply(counted.children().getOrDefault(code, Figures.NONE));
            if (verdict.has(Assessment.Reason.NOTHING_SUBMITTED) || verdict.has(Assessment.Reason.LOW_REGISTRATION_RATE)) {
                lagging.add(new SubOrganisation(code, name));
            }
        });
        return lagging;
    }

    /** A direct sub-organisation, as a notification names it. */
    record SubOrganisation(String code, String name) {
    }

    private String toJson(Figures counted) {
        try {
            return json.writeValueAsString(counted);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
