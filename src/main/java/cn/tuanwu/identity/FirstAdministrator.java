package cn.tuanwu.identity;

import cn.tuanwu.shared.StartupLock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure someone can administer the installation: when no member of camunda-admin exists, it
 * creates one with the password from the environment, and refuses to start without it. There is
 * no default password.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final Accounts accounts;
    private final StartupLock startupLock;
    private final String userId;
    private final String initialPassword;

    FirstAdministrator(Accounts accounts, StartupLock startupLock,
            @Value("${tuanwu.admin.user-id:admin}") String userId,
            @Value("${tuanwu.admin.initial-password:}") String initialPassword) {
        this.accounts = accounts;
        this.startupLock = startupLock;
        this.userId = userId;
        this.initialPassword = initialPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        startupLock.runExclusively(this::ensure);
    }

    void ensure() {
        if (accounts.groupHasMembers(Groups.CAMUNDA_ADMIN)) {
            return;
        }
        if (initialPassword == null || initialPassword.isBlank()) {
            throw new IllegalStateException("No administrator exists yet: set TUANWU_ADMIN_PASSWORD (or "
                    + "tuanwu.admin.initial-password) to create '" + userId + "'. It must satisfy the password "
                    + "policy: at least 10 characters with upper- and lower-case letters, a digit and a symbol.");
        }
        accounts.createUser(new Accounts.NewAccount(userId, "系统", "管理员", null, initialPassword,
                List.of(Groups.CAMUNDA_ADMIN, Groups.CITY_SUPERVISORS)));
        log.info("Created the first administrator '{}'", userId);
    }
}
