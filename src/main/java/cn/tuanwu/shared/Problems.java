package cn.tuanwu.shared;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Problem details with the {@code code} property that every error of the API carries. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
        problem.setProperty("code", code);
        return problem;
    }

    static String codeFor(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        if (known == null) {
            return "ERROR";
        }
        return switch (known) {
            case BAD_REQUEST -> "MALFORMED_REQUEST";
            case UNAUTHORIZED -> "UNAUTHENTICATED";
            case FORBIDDEN -> "FORBIDDEN";
            case NOT_FOUND -> "NOT_FOUND";
            case METHOD_NOT_ALLOWED -> "METHOD_NOT_ALLOWED";
            case NOT_ACCEPTABLE -> "NOT_ACCEPTABLE";
            case UNSUPPORTED_MEDIA_TYPE -> "UNSUPPORTED_MEDIA_TYPE";
            case PAYLOAD_TOO_LARGE -> "F_TOO_LARGE";
            default -> known.is5xxServerError() ? "INTERNAL_ERROR" : known.name();
        };
    }

    static String messageFor(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        if (known == null) {
            return "请求无法处理";
        }
        return switch (known) {
            case BAD_REQUEST -> "请求格式不正确，请检查 JSON 内容与参数";
            case NOT_FOUND -> "请求的资源不存在";
            case METHOD_NOT_ALLOWED -> "不支持该请求方法";
            case NOT_ACCEPTABLE -> "无法提供所请求的格式";
            case UNSUPPORTED_MEDIA_TYPE -> "不支持该内容类型";
            case PAYLOAD_TOO_LARGE -> "文件超过大小上限";
            default -> known.is5xxServerError() ? "服务器内部错误，请稍后重试" : "请求无法处理";
        };
    }
}
