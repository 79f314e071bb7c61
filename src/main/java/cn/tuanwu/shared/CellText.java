package cn.tuanwu.shared;

import org.apache.poi.ss.SpreadsheetVersion;

/** What any text must become before it goes into a cell of a spreadsheet we write (error report, reports). */
public final class CellText {

    /** Excel's limit for one cell; POI refuses longer text. */
    public static final int MAX_LENGTH = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    /** How OOXML writes a literal underscore that would otherwise start an escape. */
    private static final String ESCAPED_UNDERSCORE = "_x005F_";

    private CellText() {
    }

    /**
     * {@code raw} as a cell must store it: without the characters XML 1.0 forbids (control
     * characters other than tab, LF and CR, lone surrogates, U+FFFE and U+FFFF), which would make
     * the file unreadable; with a literal {@code _xHHHH_} escaped, which Excel would otherwise show
     * as the character it encodes; and cut to {@link #MAX_LENGTH} without splitting a surrogate pair
     * or an escape. Null becomes "".
     */
    public static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        if (isPlain(raw)) {
            return raw; // the usual case, without copying
        }
        String allowed = withoutIllegalCharacters(raw);
        StringBuilder out = new StringBuilder(Math.min(allowed.length(), MAX_LENGTH));
        int i = 0;
        while (i < allowed.length()) {
            int codePoint = allowed.codePointAt(i);
            int length = Character.charCount(codePoint);
            String piece = isEscapeAt(allowed, i) ? ESCAPED_UNDERSCORE : allowed.substring(i, i + length);
            if (out.length() + piece.length() > MAX_LENGTH) {
                break;
            }
            out.append(piece);
            i += length;
        }
        return out.toString();
    }

    private static boolean isPlain(String text) {
        if (text.length() > MAX_LENGTH || text.contains("_x")) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean simple = (c >= 0x20 && c < 0xD800) || c == '\t' || c == '\n' || c == '\r'
                    || (c >= 0xE000 && c <= 0xFFFD);
            if (!simple) {
                return false;
            }
        }
        return true;
    }

    private static String withoutIllegalCharacters(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        int i = 0;
        while (i < raw.length()) {
            int codePoint = raw.codePointAt(i);
            if (allowedInXml(codePoint)) {
                out.appendCodePoint(codePoint);
            }
            i += Character.charCount(codePoint);
        }
        return out.toString();
    }

    /** Whether {@code _xHHHH_} starts at {@code i}. */
    private static boolean isEscapeAt(String text, int i) {
        if (text.charAt(i) != '_' || i + 6 >= text.length() || text.charAt(i + 1) != 'x' || text.charAt(i + 6) != '_') {
            return false;
        }
        for (int j = i + 2; j < i + 6; j++) {
            char c = text.charAt(j);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean allowedInXml(int c) {
        return c == 0x9 || c == 0xA || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    /**
     * Whether Excel would read {@code text} as a formula once someone edits the cell (or a CSV
     * export is opened), so that the cell must be marked as text with the quote prefix.
     */
    public static boolean looksLikeFormula(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
