package cn.tuanwu.organisation;

/** The category of a top-level organisation; it decides the submission window. */
public enum Category {
    DISTRICT("团区委"),
    COLLEGE("大专院校团委"),
    SECTOR("大口团工委"),
    BUREAU_COMPANY("委、局、公司团委"),
    MUNICIPAL_UNIT("市属单位团组织"),
    CENTRAL_UNIT("中央在沪单位团委");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
