package cn.tuanwu.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tuanwu.support.TestFixtures;
import cn.tuanwu.support.TuanwuTest;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@TuanwuTest
class PasswordPolicyTest {

    @Autowired
    Accounts accounts;
    @Autowired
    IdentityService identityService;

    @Test
    void personalAccountsNeedAStrongPassword() {
        String userId = TestFixtures.unique("weak").toLowerCase();
        assertThatThrownBy(() -> accounts.createUser(new Accounts.NewAccount(userId, "弱", "密码", null, userId, List.of())))
                .isInstanceOf(ProcessEngineException.class);
        assertThat(accounts.userExists(userId)).isFalse();
    }

    @Test
    void theFirstAdministratorExistsWithThePasswordFromTheEnvironment() {
        assertThat(identityService.checkPassword("admin", "Tuanwu-Test-2026!")).isTrue();
        assertThat(identityService.createUserQuery().userId("admin").memberOfGroup(Groups.CAMUNDA_ADMIN).count()).isEqualTo(1);
    }
}
