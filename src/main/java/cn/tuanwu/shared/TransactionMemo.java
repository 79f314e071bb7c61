package cn.tuanwu.shared;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Values remembered until the current transaction ends, for lookups that several steps of one job repeat
 * (an engine job runs its steps, delegates and listeners in one transaction). Outside a transaction nothing
 * is remembered. Keys name what they hold; a value must not change during the transaction, or be put again.
 */
public final class TransactionMemo {

    private static final Object RESOURCE = new Object();

    private TransactionMemo() {
    }

    /** The value remembered under the key, or {@code lookup}'s, remembered from now on. */
    @SuppressWarnings("unchecked")
    public static <T> T get(String key, Supplier<T> lookup) {
        Map<String, Object> memo = memo();
        if (memo == null) {
            return lookup.get();
        }
        Object value = memo.get(key);
        if (value == null) {
            value = lookup.get();
            memo.put(key, value);
        }
        return (T) value;
    }

    /** What an earlier step of this transaction remembered under the key. */
    @SuppressWarnings("unchecked")
    public static <T> Optional<T> find(String key) {
        Map<String, Object> memo = memo();
        return memo == null ? Optional.empty() : Optional.ofNullable((T) memo.get(key));
    }

    public static void put(String key, Object value) {
        Map<String, Object> memo = memo();
        if (memo != null) {
            memo.put(key, value);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> memo() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Map<String, Object> memo = (Map<String, Object>) TransactionSynchronizationManager.getResource(RESOURCE);
        if (memo == null) {
            Map<String, Object> created = new HashMap<>();
            TransactionSynchronizationManager.bindResource(RESOURCE, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(RESOURCE);
                }
            });
            memo = created;
        }
        return memo;
    }
}
