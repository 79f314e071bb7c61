package cn.tuanwu.member;

import java.util.List;

/** 学历. */
public enum Education implements Labelled {
    JUNIOR_HIGH("初中"),
    SENIOR_HIGH("高中"),
    VOCATIONAL("中职", "中专", "技校", "职高"),
    JUNIOR_COLLEGE("大专", "专科", "高职"),
    BACHELOR("本科", "大学本科"),
    MASTER("硕士研究生", "硕士", "研究生"),
    DOCTOR("博士研究生", "博士");

    private final String label;
    private final List<String> aliases;

    Education(String label, String... aliases) {
        this.label = label;
        this.aliases = List.of(aliases);
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public List<String> aliases() {
        return aliases;
    }
}
