package cn.tuanwu.member;

/**
 * One change an approved upload makes: a new member ({@code memberId} null), an update of an
 * active member's details, or the reactivation of a transferred-out member into a new organisation.
 * Name, ID number and registration never change through it.
 */
public record MemberChange(Long memberId, boolean reactivate, NewMember details) {

    public static MemberChange add(NewMember details) {
        return new MemberChange(null, false, details);
    }

    public static MemberChange update(long memberId, NewMember details) {
        return new MemberChange(memberId, false, details);
    }

    public static MemberChange reactivate(long memberId, NewMember details) {
        return new MemberChange(memberId, true, details);
    }

    @Override
    public String toString() {
        return "MemberChange[" + (memberId == null ? "new" : memberId) + (reactivate ? ", reactivate" : "") + "]";
    }
}
