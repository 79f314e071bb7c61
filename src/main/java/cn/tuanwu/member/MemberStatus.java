package cn.tuanwu.member;

public enum MemberStatus {
    ACTIVE,
    TRANSFERRED_OUT
}
