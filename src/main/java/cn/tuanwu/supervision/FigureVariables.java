package cn.tuanwu.supervision;

import java.math.BigDecimal;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The figures as process variables, one per figure under the names of {@link Figures} and api.md:
 * counts (Long) and the registration rate (Double, 0–1), never anything about a member.
 */
final class FigureVariables {

    static final String ACTIVE_MEMBERS = "activeMembers";
    static final String UPLOADED_IN_WINDOW = "uploadedInWindow";
    static final String UPDATED_IN_WINDOW = "updatedInWindow";
    static final String TRANSFERRED_OUT_IN_WINDOW = "transferredOutInWindow";
    static final String NEW_STUDENTS = "newStudents";
    static final String NEW_EMPLOYEES = "newEmployees";
    static final String NEWLY_DEVELOPED = "newlyDeveloped";
    static final String REGISTERED = "registered";
    static final String UNREGISTERED = "unregistered";
    static final String REGISTRATION_RATE = "registrationRate";
    static final String PENDING_REVIEWS = "pendingReviews";
    static final String OVER_AGE_ACTIVE = "overAgeActive";

    private FigureVariables() {
    }

    static VariableMap of(Figures figures) {
        return Variables.createVariables()
                .putValue(ACTIVE_MEMBERS, figures.activeMembers())
                .putValue(UPLOADED_IN_WINDOW, figures.uploadedInWindow())
                .putValue(UPDATED_IN_WINDOW, figures.updatedInWindow())
                .putValue(TRANSFERRED_OUT_IN_WINDOW, figures.transferredOutInWindow())
                .putValue(NEW_STUDENTS, figures.newStudents())
                .putValue(NEW_EMPLOYEES, figures.newEmployees())
                .putValue(NEWLY_DEVELOPED, figures.newlyDeveloped())
                .putValue(REGISTERED, figures.registered())
                .putValue(UNREGISTERED, figures.unregistered())
                .putValue(REGISTRATION_RATE, figures.registrationRate().doubleValue())
                .putValue(PENDING_REVIEWS, figures.pendingReviews())
                .putValue(OVER_AGE_ACTIVE, figures.overAgeActive());
    }

    /** The figures as an earlier step stored them. */
    static Figures read(VariableScope scope) {
        return read(scope::getVariable);
    }

    static Figures read(Function<String, Object> scope) {
        return new Figures(count(scope, ACTIVE_MEMBERS), count(scope, UPLOADED_IN_WINDOW), count(scope, UPDATED_IN_WINDOW),
                count(scope, TRANSFERRED_OUT_IN_WINDOW), count(scope, NEW_STUDENTS), count(scope, NEW_EMPLOYEES),
                count(scope, NEWLY_DEVELOPED), count(scope, REGISTERED), count(scope, UNREGISTERED),
                BigDecimal.valueOf(((Number) scope.apply(REGISTRATION_RATE)).doubleValue()).setScale(4,
                        java.math.RoundingMode.HALF_UP),
                count(scope, PENDING_REVIEWS), count(scope, OVER_AGE_ACTIVE));
    }

    private static long count(Function<String, Object> scope, String name) {
        return ((Number) scope.apply(name)).longValue();
    }
}
