package cn.tuanwu.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** A spreadsheet download with a Chinese file name that every browser saves under that name. */
final class Downloads {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Downloads() {
    }

    /**
     * {@code fileName} in RFC 5987 form ({@code filename*=UTF-8''…}) and {@code asciiFallback} as the plain
     * {@code filename} for clients that do not read the encoded one (RFC 6266 §4.3).
     */
    static ResponseEntity<StreamingResponseBody> xlsx(String fileName, String asciiFallback, StreamingResponseBody body) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(fileName, asciiFallback))
                .header(HttpHeaders.CONTENT_TYPE, XLSX)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    static String contentDisposition(String fileName, String asciiFallback) {
        if (!asciiFallback.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("Not a plain file name: " + asciiFallback);
        }
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
        return "attachment; filename=\"" + asciiFallback + "\"; filename*=UTF-8''" + encoded;
    }
}
