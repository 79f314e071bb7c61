package cn.tuanwu.member;

import java.util.List;
import java.util.Optional;

/** A value of the data standard with its Chinese label and the aliases uploads may use. */
public interface Labelled {

    String label();

    List<String> aliases();

    /** The constant whose label or alias is {@code text} (trimmed), if any. */
    static <E extends Enum<E> & Labelled> Optional<E> fromText(Class<E> type, String text) {
        if (text == null) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        E constant = (E) LabelledTexts.BY_TYPE.get(type).get(text.strip());
        return Optional.ofNullable(constant);
    }
}
