package cn.tuanwu.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.tuanwu.shared.StartupLock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FirstAdministratorTest {

    private final Accounts accounts = mock(Accounts.class);
    private final StartupLock lock = mock(StartupLock.class);

    @BeforeEach
    void lockRunsTheWork() {
        doAnswer(invocation -> {
            ((Runnable) invocation.getArgument(0)).run();
            return null;
        }).when(lock).runExclusively(any());
    }

    @Test
    void refusesToStartWithoutAnAdministratorOrAPassword() {
        when(accounts.groupHasMembers(Groups.CAMUNDA_ADMIN)).thenReturn(false);
        FirstAdministrator first = new FirstAdministrator(accounts, lock, "admin", "");
        assertThatThrownBy(() -> first.run(null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TUANWU_ADMIN_PASSWORD");
        verify(accounts, never()).createUser(any());
    }

    @Test
    void createsTheAdministratorFromTheEnvironmentsPassword() {
        when(accounts.groupHasMembers(Groups.CAMUNDA_ADMIN)).thenReturn(false);
        new FirstAdministrator(accounts, lock, "admin", "Str0ng-Passw0rd!").run(null);
        verify(accounts).createUser(any());
    }

    @Test
    void leavesAnExistingAdministratorAlone() {
        when(accounts.groupHasMembers(Groups.CAMUNDA_ADMIN)).thenReturn(true);
        new FirstAdministrator(accounts, lock, "admin", "").run(null);
        verify(accounts, never()).createUser(any());
    }
}
