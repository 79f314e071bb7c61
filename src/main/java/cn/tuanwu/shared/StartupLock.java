package cn.tuanwu.shared;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs start-up seeding under a row lock, so that two nodes starting together on one database
 * seed once: the second waits, then finds the work done.
 */
@Component
public class StartupLock {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    StartupLock(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    public void runExclusively(Runnable work) {
        transactions.executeWithoutResult(status -> {
            jdbc.queryForObject("SELECT name FROM startup_lock WHERE name = 'bootstrap' FOR UPDATE", String.class);
            work.run();
        });
    }
}
