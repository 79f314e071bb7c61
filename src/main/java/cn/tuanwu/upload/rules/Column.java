package cn.tuanwu.upload.rules;

import java.util.List;

/** The columns of the data standard, in the template's order, with their header aliases. */
public enum Column {
    NAME("姓名", true, "名字"),
    ID_NUMBER("身份证号", true, "身份证号码", "公民身份号码", "证件号码"),
    GENDER("性别", false),
    ETHNICITY("民族", true),
    POLITICAL_STATUS("政治面貌", true),
    EDUCATION("学历", true, "最高学历", "文化程度"),
    JOINED_LEAGUE("入团年月", true, "入团时间", "入团日期"),
    PHONE("手机号码", true, "手机号", "联系电话", "联系方式"),
    ORG_CODE("所在团组织编码", true, "团组织编码", "组织编码"),
    CATEGORY("人员类别", false, "身份"),
    POST("团内职务", false, "职务"),
    ENTRY_TYPE("增加类型", false, "录入类型");

    private final String header;
    private final boolean required;
    private final List<String> aliases;

    Column(String header, boolean required, String... aliases) {
        this.header = header;
        this.required = required;
        this.aliases = List.of(aliases);
    }

    /** The template's header. */
    public String header() {
        return header;
    }

    public boolean required() {
        return required;
    }

    public List<String> aliases() {
        return aliases;
    }

    /** Whether a header cell (already trimmed and folded to half-width) names this column. */
    public boolean matches(String headerText) {
        return header.equals(headerText) || aliases.contains(headerText);
    }
}
