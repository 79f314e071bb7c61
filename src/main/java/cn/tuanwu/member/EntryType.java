package cn.tuanwu.member;

import java.util.List;

/** 增加类型: how a member came in; the first three are the campaign's focus groups. */
public enum EntryType implements Labelled {
    NEW_STUDENT("新入学"),
    NEW_EMPLOYEE("新入职"),
    NEWLY_DEVELOPED("新发展"),
    TRANSFERRED_IN("转入"),
    SUPPLEMENT("补录");

    private final String label;

    EntryType(String label) {
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
