package cn.tuanwu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

class SafeFailuresTest {

    private static final String ID = "310101200102030014";

    @Test
    void aDatabaseFailureLosesItsMessageAndCauseButKeepsItsKind() {
        DataIntegrityViolationException failure = new DataIntegrityViolationException("could not execute batch",
                new SQLIntegrityConstraintViolationException(
                        "Unique index or primary key violation: MEMBER(ID_NUMBER) VALUES ('" + ID + "')", "23505"));
        RuntimeException safe = SafeFailures.sanitise("applyUpload of u-1", failure);
        assertThat(safe.getMessage()).doesNotContain(ID).contains("applyUpload of u-1", "DataIntegrityViolationException",
                "SQLState 23505");
        assertThat(safe.getCause()).isNull();
        assertThat(safe.getStackTrace()).isEqualTo(failure.getStackTrace());
    }

    @Test
    void otherFailuresPassUnchanged() {
        IllegalStateException ours = new IllegalStateException("no notice for an upload that is VALIDATING");
        assertThat(SafeFailures.sanitise("notifySubmitter", ours)).isSameAs(ours);
    }
}
