package cn.tuanwu.member;

/** Mainland mobile numbers as the API shows them. */
public final class Phones {

    private Phones() {
    }

    /** {@code 138****5678}. */
    public static String mask(String phone) {
        if (phone == null || phone.length() < 7) {
            return "****";
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
