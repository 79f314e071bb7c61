package cn.tuanwu.upload.sheet;

/** Why a whole upload fails: the F_ codes of data-standard.md, with what to do about it in Chinese. */
public enum FileFailure {
    F_NOT_SPREADSHEET("文件无法读取：请上传 Excel 文件（.xlsx 或 .xls）或 CSV 文件，不要只修改文件扩展名"),
    F_ENCRYPTED("文件设置了密码：请在 Excel 中取消密码保护后另存，再重新上传"),
    F_UNSAFE("文件结构异常（疑似压缩炸弹或被篡改）：请在 Excel 中打开后另存为新的 .xlsx 文件再上传"),
    F_TOO_LARGE("文件超过大小上限：请拆分成几个较小的文件分别上传"),
    F_TOO_MANY_ROWS("数据行数超过上限：请拆分成几个文件分别上传"),
    F_MISSING_COLUMNS("缺少必填列：请使用系统模板，或补齐缺少的列"),
    F_NO_DATA("表头下没有数据：请在表头下方填写团员信息");

    private final String message;

    FileFailure(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
