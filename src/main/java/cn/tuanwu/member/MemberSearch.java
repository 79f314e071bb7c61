package cn.tuanwu.member;

import java.util.List;

/**
 * A page of members in one or more subtrees. {@code subtreePaths} are organisation path prefixes
 * (already limited to the caller's scope); the other filters are optional.
 */
record MemberSearch(List<String> subtreePaths, MemberStatus status, Boolean registered, Boolean overAge, String nameQuery,
        int page, int size) {

    static final int MAX_SIZE = 200;

    MemberSearch {
        subtreePaths = List.copyOf(subtreePaths);
        if (page < 0) {
            throw new IllegalArgumentException("page");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size");
        }
    }
}
