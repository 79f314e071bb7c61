package cn.tuanwu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class TransactionMemoTest {

    @Test
    void remembersUntilTheTransactionEnds() {
        AtomicInteger lookups = new AtomicInteger();
        TransactionSynchronizationManager.initSynchronization();
        try {
            assertThat(TransactionMemo.get("organisation:HP", () -> "HP#" + lookups.incrementAndGet())).isEqualTo("HP#1");
            assertThat(TransactionMemo.get("organisation:HP", () -> "HP#" + lookups.incrementAndGet())).isEqualTo("HP#1");
            TransactionMemo.put("lagging", "HP01");
            assertThat(TransactionMemo.<String>find("lagging")).contains("HP01");
        } finally {
            TransactionSynchronizationManager.getSynchronizations()
                    .forEach(sync -> sync.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
            TransactionSynchronizationManager.clearSynchronization();
        }
        assertThat(lookups).hasValue(1);
        assertThat(TransactionSynchronizationManager.getResourceMap()).as("nothing left bound to the thread").isEmpty();
    }

    @Test
    void remembersNothingOutsideATransaction() {
        AtomicInteger lookups = new AtomicInteger();
        TransactionMemo.get("k", lookups::incrementAndGet);
        TransactionMemo.get("k", lookups::incrementAndGet);
        TransactionMemo.put("lagging", "HP01");
        assertThat(lookups).hasValue(2);
        assertThat(TransactionMemo.<String>find("lagging")).isEmpty();
    }
}
