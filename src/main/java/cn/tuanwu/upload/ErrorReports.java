package cn.tuanwu.upload;

import cn.tuanwu.upload.report.ErrorReport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** errors.xlsx: the rejected and warned rows as uploaded, with their row number, outcome and errors. */
@Component
class ErrorReports {

    private final StagedRows stagedRows;
    private final ObjectMapper json;

    ErrorReports(StagedRows stagedRows, ObjectMapper json) {
        this.stagedRows = stagedRows;
        this.json = json;
    }

    void write(Upload upload, OutputStream out) throws IOException {
        try (ErrorReport report = new ErrorReport(headers(upload))) {
            stagedRows.forReport(upload.id(), row -> {
                List<StagedRow.StagedError> all = new ArrayList<>(row.errors());
                all.addAll(row.warnings());
                report.row(row.rowNumber(), row.cells(), row.outcome().label(), all.stream()
                        .map(error -> new ErrorReport.ReportedError(error.code(), error.message(), error.columnIndex()))
                        .toList());
            });
            report.writeTo(out);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private List<String> headers(Upload upload) {
        if (upload.headers() == null) {
            return List.of();
        }
        try {
            return json.readValue(upload.headers(), new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable headers of upload " + upload.id(), e);
        }
    }
}
