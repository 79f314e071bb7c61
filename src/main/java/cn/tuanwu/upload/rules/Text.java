package cn.tuanwu.upload.rules;

/**
 * What every header and cell goes through before its rule: people type into Chinese input methods,
 * so full-width letters, digits and spaces, and invisible characters pasted from web pages and chat
 * apps, are everywhere in uploaded files.
 */
public final class Text {

    private Text() {
    }

    /**
     * Folds full-width ASCII (U+FF01–U+FF5E) to ASCII, the ideographic and no-break spaces to a
     * space, drops zero-width characters, then trims. {@code null} gives the empty string.
     */
    public static String fold(String raw) {
        if (raw == null) {
            return "";
        }
        int first = 0;
        while (first < raw.length() && !needsFolding(raw.charAt(first))) {
            first++;
        }
        if (first == raw.length()) {
            // Nearly every cell: nothing to fold, so no copy (strip returns the same string when it can).
            return raw.strip();
        }
        StringBuilder out = new StringBuilder(raw.length()).append(raw, 0, first);
        for (int i = first; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                out.append((char) (c - 0xFEE0));
            } else if (c == '\u3000' || c == '\u00A0') {
                out.append(' ');
            } else if (!isZeroWidth(c)) {
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    private static boolean needsFolding(char c) {
        return (c >= '\uFF01' && c <= '\uFF5E') || c == '\u3000' || c == '\u00A0' || isZeroWidth(c);
    }

    private static boolean isZeroWidth(char c) {
        return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF';
    }

    /** Length in characters as a person counts them (an extension-B ideograph is one, not two). */
    static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
