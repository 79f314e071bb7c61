package cn.tuanwu.member;

/**
 * An active member who has not claimed the electronic card (网上大报到), as the 未登录详情 export
 * lists them. The ID number is masked here, so that it never leaves this feature whole; the phone is
 * whole, because the organisation's own admins get it to call the member.
 */
public record UnregisteredMember(String name, String idNumberMasked, String phone, String orgCode, String orgName) {

    /** {@code 138****5678}, for everybody but the organisation's own admins. */
    public String phoneMasked() {
        return Phones.mask(phone);
    }

    /** Masked, like every member that reaches a log line. */
    @Override
    public String toString() {
        return "UnregisteredMember[" + idNumberMasked + ", " + orgCode + "]";
    }
}
