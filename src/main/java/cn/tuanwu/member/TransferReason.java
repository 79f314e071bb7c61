package cn.tuanwu.member;

/** Why a member was transferred out (人员转出). */
public enum TransferReason {
    /** 组织关系已离开. */
    LEFT_ORG,
    /** 超龄离团. */
    OVER_AGE,
    /** 其他 (with a note). */
    OTHER
}
