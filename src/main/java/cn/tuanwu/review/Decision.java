package cn.tuanwu.review;

/** A reviewer's decision as the API receives it: {@code approved}, and a comment (required to reject). */
public record Decision(Boolean approved, String comment) {
}
