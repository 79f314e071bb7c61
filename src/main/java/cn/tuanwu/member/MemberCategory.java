package cn.tuanwu.member;

import java.util.List;

/** 人员类别: 团干部 hold a league post and are exempt from the over-age transfer. */
public enum MemberCategory implements Labelled {
    LEAGUE_MEMBER("团员"),
    LEAGUE_CADRE("团干部");

    private final String label;

    MemberCategory(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public List<String> aliases() {
        return List.of();
    }
}
