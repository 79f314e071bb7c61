package cn.tuanwu.upload.sheet;

/**
 * Carries a RuntimeException thrown by the caller's handler through the reader, so that it comes
 * out unchanged instead of being mistaken for a broken file.
 */
final class HandlerFailure extends RuntimeException {

    HandlerFailure(RuntimeException cause) {
        super(null, cause, false, false);
    }

    RuntimeException original() {
        return (RuntimeException) getCause();
    }
}
