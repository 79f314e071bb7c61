package cn.tuanwu.shared;

/** Why a text is not a valid 18-digit resident ID number; the codes of data-standard.md. */
public enum IdNumberError {
    E_ID_LENGTH("身份证号应为18位，请核对（15位旧身份证号请换成18位新号）"),
    E_ID_CHARS("身份证号只能由17位数字和最后一位数字或X组成"),
    E_ID_REGION("身份证号前两位不是有效的省级行政区划代码，请核对"),
    E_ID_BIRTHDATE("身份证号第7至14位不是有效的出生日期，请核对"),
    E_ID_CHECKSUM("身份证号校验位不正确，请逐位核对号码");

    private final String message;

    IdNumberError(String message) {
        this.message = message;
    }

    public String code() {
        return name();
    }

    /** What to fix, in Chinese, for the person who typed it. Never contains the number itself. */
    public String message() {
        return message;
    }
}
