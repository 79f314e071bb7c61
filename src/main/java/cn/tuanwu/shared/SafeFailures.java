package cn.tuanwu.shared;

import java.sql.SQLException;
import org.springframework.dao.DataAccessException;

/**
 * Database errors can quote the values of the failing row (H2's duplicate-key message names the
 * key; drivers may quote parameters). Such an exception must not reach a log line, nor the
 * stack trace the engine keeps with an incident (Cockpit shows it), so it is replaced by one that
 * says where it failed, its class and SQLState, and nothing of the data.
 */
public final class SafeFailures {

    private SafeFailures() {
    }

    /** {@code failure} itself unless it comes from the database; then a sanitised copy without cause. */
    public static RuntimeException sanitise(String where, RuntimeException failure) {
        if (!fromDatabase(failure)) {
            return failure;
        }
        IllegalStateException safe = new IllegalStateException(describe(where, failure));
        safe.setStackTrace(failure.getStackTrace());
        return safe;
    }

    public static String describe(String where, Throwable failure) {
        StringBuilder text = new StringBuilder(where).append(": ").append(failure.getClass().getSimpleName());
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                text.append(" (").append(sql.getClass().getSimpleName()).append(", SQLState ").append(sql.getSQLState())
                        .append(')');
                break;
            }
        }
        return text.toString();
    }

    static boolean fromDatabase(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessException || cause instanceof SQLException
                    || cause.getClass().getName().startsWith("org.hibernate.")) {
                return true;
            }
        }
        return false;
    }
}
