package cn.tuanwu.member;

import java.util.List;

/** 政治面貌. */
public enum PoliticalStatus implements Labelled {
    LEAGUE_MEMBER("共青团员", "团员"),
    PROBATIONARY_PARTY_MEMBER("中共预备党员", "预备党员"),
    PARTY_MEMBER("中共党员", "党员");

    private final String label;
    private final List<String> aliases;

    PoliticalStatus(String label, String... aliases) {
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
