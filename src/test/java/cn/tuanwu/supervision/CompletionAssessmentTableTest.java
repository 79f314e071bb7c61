package cn.tuanwu.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The deployed {@code completion-assessment} table by itself: each rule, every threshold's edge, reasons collected. */
class CompletionAssessmentTableTest {

    private static DmnEngine engine;
    private static DmnDecision decision;

    @BeforeAll
    static void parse() throws Exception {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream table = Files.newInputStream(Path.of("processes/completion-assessment.dmn"))) {
            decision = engine.parseDecision(Assessment.DECISION, table);
        }
    }

    @ParameterizedTest(name = "pending {0}, uploaded {1}, updated {2}, rate {3}, over age {4} → {5} [{6}]")
    @CsvSource(delimiter = '|', value = {
            // on track: every threshold just met
            "0 | 1 | 0 | 0.6000 | 0 | ON_TRACK | ''",
            "0 | 0 | 1 | 1.0000 | 0 | ON_TRACK | ''",
            // each reason alone, at its edge
            "1 | 5 | 5 | 0.9000 | 0 | ESCALATE | PENDING_REVIEWS",
            "0 | 0 | 0 | 0.9000 | 0 | ESCALATE | NOTHING_SUBMITTED",
            "0 | 5 | 0 | 0.5999 | 0 | ESCALATE | LOW_REGISTRATION_RATE",
            "0 | 5 | 0 | 0.6000 | 1 | ESCALATE | OVER_AGE_REMAINING",
            // all of them, each listed once
            "3 | 0 | 0 | 0.0000 | 7 | ESCALATE | PENDING_REVIEWS,NOTHING_SUBMITTED,LOW_REGISTRATION_RATE,OVER_AGE_REMAINING",
            // an organisation without any member: nothing submitted and no registrations
            "0 | 0 | 0 | 0.0000 | 0 | ESCALATE | NOTHING_SUBMITTED,LOW_REGISTRATION_RATE",
    })
    void verdictAndReasons(long pending, long uploaded, long updated, String rate, long overAge, String verdict,
            String reasons) {
        Assessment assessment = assess(pending, uploaded, updated, new BigDecimal(rate), overAge);
        assertThat(assessment.verdict().name()).isEqualTo(verdict);
        assertThat(assessment.codes()).isEqualTo(reasons);
    }

    @Test
    void everyReasonHasAChineseLabel() {
        Assessment all = assess(3, 0, 0, BigDecimal.ZERO, 7);
        assertThat(all.reasons()).hasSize(4).allSatisfy(reason -> assertThat(reason.label()).matches(".*[\\u4e00-\\u9fa5].*"));
        assertThat(all.labels()).isEqualTo("有上传等待审核；报送期内未补录或调整团员信息；网上大报到率低于60%；仍有超龄团员未转出");
        assertThat(Assessment.stored(all.verdict().name(), all.codes(), all.labels())).isEqualTo(all);
    }

    @Test
    void onTrackIsTheOnlyRowWhenNothingIsWrong() {
        List<java.util.Map<String, Object>> rows = engine.evaluateDecisionTable(decision,
                FigureVariables.of(figures(0, 1, 1, new BigDecimal("0.7500"), 0))).getResultList();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsOnly(java.util.Map.entry("verdict", "ON_TRACK"));
    }

    private static Assessment assess(long pending, long uploaded, long updated, BigDecimal rate, long overAge) {
        return Assessment.of(engine.evaluateDecisionTable(decision,
                FigureVariables.of(figures(pending, uploaded, updated, rate, overAge))).getResultList());
    }

    private static Figures figures(long pending, long uploaded, long updated, BigDecimal rate, long overAge) {
        return new Figures(100, uploaded, updated, 0, 0, 0, 0, 0, 100, rate, pending, overAge);
    }
}
