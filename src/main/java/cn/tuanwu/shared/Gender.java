package cn.tuanwu.shared;

/** 性别, as the ID number's 17th digit gives it and as uploads write it. */
public enum Gender {
    MALE("男"),
    FEMALE("女");

    private final String label;

    Gender(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
