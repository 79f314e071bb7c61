package cn.tuanwu.member;

import java.util.HashMap;
import java.util.Map;

/**
 * For {@link Labelled#fromText}: each type's labels and aliases, each to the first constant (in
 * declaration order) that has it, built once per type instead of searched for every cell.
 */
final class LabelledTexts {

    static final ClassValue<Map<String, Object>> BY_TYPE = new ClassValue<>() {
        @Override
        protected Map<String, Object> computeValue(Class<?> type) {
            Map<String, Object> texts = new HashMap<>();
            for (Object constant : type.getEnumConstants()) {
                Labelled labelled = (Labelled) constant;
                texts.putIfAbsent(labelled.label(), constant);
                for (String alias : labelled.aliases()) {
                    texts.putIfAbsent(alias, constant);
                }
            }
            return Map.copyOf(texts);
        }
    };

    private LabelledTexts() {
    }
}
