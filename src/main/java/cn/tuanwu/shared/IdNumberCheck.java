package cn.tuanwu.shared;

/** The result of checking a typed ID number: a valid number, or the rule it breaks. */
public sealed interface IdNumberCheck {

    record Valid(IdNumber idNumber) implements IdNumberCheck {
    }

    record Invalid(IdNumberError error) implements IdNumberCheck {
    }

    /** The valid number, or an {@link ApiException} (400, with the rule's code) for API callers. */
    default IdNumber orElseThrow() {
        if (this instanceof Valid valid) {
            return valid.idNumber();
        }
        IdNumberError error = ((Invalid) this).error();
        throw ApiException.badRequest(error.code(), error.message());
    }
}
