package cn.tuanwu.upload.sheet;

/**
 * The first, byte-at-a-time version of {@link XmlPartScanner}, kept as the reference its faster
 * rewrite is checked against ({@code XmlPartScannerTest}).
 *
 * <p>Looks at the raw bytes of one zip entry, as they are inflated, for what fastexcel's XML parser
 * should never see:
 * <ul>
 *   <li>a {@code <!DOCTYPE}: Excel never writes one, and it is how external entities (XXE) and entity
 *       expansion ("billion laughs") get in. fastexcel's parser (Aalto, DTD support off) refused both
 *       when checked, but that is a property of a transitive dependency's version, so we refuse the
 *       file before it gets there;</li>
 *   <li>a cell reference with more than three column letters ({@code <c r="ZZZZZZZ1">}): fastexcel
 *       sizes each row's cell list by the column, so such a reference asks for billions of slots and
 *       ends in an OutOfMemoryError (Excel stops at XFD);</li>
 *   <li>a UTF-16 or UTF-32 part: Excel writes UTF-8 only, and the byte patterns above would not match
 *       in a wide encoding.</li>
 * </ul>
 * This is a byte-level state machine, not a parser: it may refuse a strange file (such a pattern in a
 * comment), never miss one of these in well-formed UTF-8 markup, since {@code <} cannot appear
 * unescaped in text or attribute values.
 */
final class ReferenceXmlPartScanner {

    private static final byte[] DOCTYPE = {'D', 'O', 'C', 'T', 'Y', 'P', 'E'};
    private static final int MAX_COLUMN_LETTERS = 3;
    private static final int MAX_NAME = 32;

    private enum State { TEXT, NAME, BANG, ATTRIBUTES, AFTER_EQUALS, VALUE }

    private State state = State.TEXT;
    private final StringBuilder name = new StringBuilder();
    private int bangMatched;
    private byte quote;
    private boolean referenceValue;
    private int letters;
    private boolean inLetters;
    private long position;
    private final byte[] head = new byte[4];

    void feed(byte[] buffer, int offset, int length) throws UploadFileException {
        for (int i = offset; i < offset + length; i++) {
            byte b = buffer[i];
            if (position < head.length) {
                head[(int) position] = b;
                if (position == head.length - 1) {
                    checkEncoding(head.length);
                }
            }
            position++;
            step(b);
        }
    }

    /** Call at the end of the entry: a part shorter than four bytes is checked here. */
    void finish() throws UploadFileException {
        if (position < head.length) {
            checkEncoding((int) position);
        }
    }

    private void checkEncoding(int available) throws UploadFileException {
        if (available >= 2 && (is(0xFE, 0xFF) || is(0xFF, 0xFE) || is(0x00, 0x3C) || is(0x3C, 0x00))) {
            throw unsafe();
        }
        if (available >= 4 && head[0] == 0 && head[1] == 0
                && (head[2] == 0 && head[3] == 0x3C || head[2] == (byte) 0xFE && head[3] == (byte) 0xFF)) {
            throw unsafe();
        }
    }

    private boolean is(int first, int second) {
        return head[0] == (byte) first && head[1] == (byte) second;
    }

    private void step(byte b) throws UploadFileException {
        switch (state) {
            case TEXT -> {
                if (b == '<') {
                    state = State.NAME;
                    name.setLength(0);
                }
            }
            case NAME -> name(b);
            case BANG -> {
                if (b == DOCTYPE[bangMatched]) {
                    if (++bangMatched == DOCTYPE.length) {
                        throw unsafe();
                    }
                } else {
                    state = b == '<' ? State.NAME : State.TEXT;
                    name.setLength(0);
                }
            }
            case ATTRIBUTES -> attributes(b);
            case AFTER_EQUALS -> {
                if (b == '"' || b == '\'') {
                    quote = b;
                    referenceValue = "r".contentEquals(localName());
                    letters = 0;
                    inLetters = true;
                    state = State.VALUE;
                } else if (b == '>') {
                    state = State.TEXT;
                }
            }
            case VALUE -> value(b);
            default -> throw new IllegalStateException();
        }
    }

    private void name(byte b) {
        if (name.length() == 0 && b == '!') {
            bangMatched = 0;
            state = State.BANG;
        } else if (isSpace(b)) {
            state = "c".contentEquals(localName()) ? State.ATTRIBUTES : State.TEXT;
            name.setLength(0);
        } else if (b == '>' || b == '/') {
            state = State.TEXT;
        } else if (b == '<') {
            name.setLength(0);
        } else if (name.length() < MAX_NAME) {
            name.append((char) (b & 0xFF));
        }
    }

    private void attributes(byte b) {
        if (b == '>') {
            state = State.TEXT;
        } else if (b == '=') {
            state = State.AFTER_EQUALS;
        } else if (!isSpace(b) && b != '/' && name.length() < MAX_NAME) {
            name.append((char) (b & 0xFF));
        }
    }

    private void value(byte b) throws UploadFileException {
        if (b == quote) {
            state = State.ATTRIBUTES;
            name.setLength(0);
            return;
        }
        if (!referenceValue || !inLetters) {
            return;
        }
        boolean letter = b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z';
        if (letter) {
            if (++letters > MAX_COLUMN_LETTERS) {
                throw unsafe();
            }
        } else if (!(b == '$' && letters == 0)) {
            inLetters = false;
        }
    }

    /** The element or attribute name without its namespace prefix (fastexcel matches local names). */
    private CharSequence localName() {
        int colon = name.lastIndexOf(":");
        return colon < 0 ? name : name.subSequence(colon + 1, name.length());
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    private static UploadFileException unsafe() {
        return new UploadFileException(FileFailure.F_UNSAFE);
    }
}
