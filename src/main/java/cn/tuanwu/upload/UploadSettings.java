package cn.tuanwu.upload;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tuanwu.upload.*}: limits of an upload and the size of the chunks it is staged and applied in.
 *
 * @param maxBytes     the largest file accepted (F_TOO_LARGE above it)
 * @param maxRows      the most data rows accepted (F_TOO_MANY_ROWS above it)
 * @param chunkSize    rows checked against the register, and applied, per batch
 * @param retention    how long after an upload ended its file and its staged rows' personal data are kept
 */
@ConfigurationProperties("tuanwu.upload")
record UploadSettings(@DefaultValue("52428800") long maxBytes, @DefaultValue("500000") int maxRows,
        @DefaultValue("2000") int chunkSize, @DefaultValue("90d") Duration retention) {

    UploadSettings {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("tuanwu.upload.retention must be positive");
        }
    }
}
