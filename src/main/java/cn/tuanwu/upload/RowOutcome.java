package cn.tuanwu.upload;

/** What a row of an upload does to the register once approved. */
public enum RowOutcome {
    NEW("新增"), UPDATED("更新"), UNCHANGED("无变化"), REACTIVATED("恢复"), REJECTED("已拒绝");

    private final String label;

    RowOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether applying the upload writes this row. */
    public boolean changesRegister() {
        return this == NEW || this == UPDATED || this == REACTIVATED;
    }
}
