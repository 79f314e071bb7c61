package cn.tuanwu.upload;

import cn.tuanwu.audit.Audit;
import cn.tuanwu.identity.Caller;
import cn.tuanwu.review.Decision;
import cn.tuanwu.review.ReviewTasks;
import cn.tuanwu.organisation.OrganisationInfo;
import cn.tuanwu.organisation.Organisations;
import cn.tuanwu.shared.ApiException;
import cn.tuanwu.upload.report.TemplateWorkbook;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/imports")
class UploadController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Uploads uploads;
    private final StagedRows stagedRows;
    private final ErrorReports errorReports;
    private final ReviewTasks reviews;
    private final Organisations organisations;
    private final Audit audit;
    private final UploadSettings settings;
    private final ScratchFiles scratch;

    UploadController(Uploads uploads, StagedRows stagedRows, ErrorReports errorReports, ReviewTasks reviews,
            Organisations organisations, Audit audit, UploadSettings settings, ScratchFiles scratch) {
        this.uploads = uploads;
        this.stagedRows = stagedRows;
        this.errorReports = errorReports;
        this.reviews = reviews;
        this.organisations = organisations;
        this.audit = audit;
        this.settings = settings;
        this.scratch = scratch;
    }

    @GetMapping("/template.xlsx")
    ResponseEntity<StreamingResponseBody> template() {
        return xlsx("团员信息导入模板.xlsx", TemplateWorkbook::write);
    }

    /** Stores the file and starts member-import; everything heavy runs in the process's async job. */
    @PostMapping
    ResponseEntity<UploadJson.Accepted> upload(@RequestParam String orgCode, @RequestParam("file") MultipartFile file,
            @AuthenticationPrincipal Caller caller) {
        OrganisationInfo organisation = organisations.requireInScope(orgCode, caller);
        if (!organisations.administers(caller, organisation)) {
            throw ApiException.forbidden("只有该团组织（或其上级）的管理员可以上传团员信息");
        }
        if (file.getSize() > settings.maxBytes()) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "F_TOO_LARGE", "文件超过大小上限："
                    + settings.maxBytes() / (1024 * 1024) + " MB，请拆分成几个较小的文件分别上传");
        }
        Path temp = null;
        try {
            temp = scratch.create("received-");
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, temp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            if (!FileSniffer.mayBeSpreadsheet(temp, file.getOriginalFilename())) {
                throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "F_NOT_SPREADSHEET",
                        "文件无法读取：请上传 Excel 文件（.xlsx 或 .xls）或 CSV 文件，不要只修改文件扩展名");
            }
            Upload upload = uploads.receive(organisation, file.getOriginalFilename(), temp, caller);
            return ResponseEntity.accepted()
                    .body(new UploadJson.Accepted(upload.id(), upload.processInstanceId(), upload.status()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temp != null) {
                ScratchFiles.deleteQuietly(temp);
            }
        }
    }

    @GetMapping("/{id}")
    UploadJson.Details one(@PathVariable String id, @AuthenticationPrincipal Caller caller) {
        return UploadJson.Details.of(inScope(id, caller));
    }

    @GetMapping("/{id}/rows")
    UploadJson.Page<UploadJson.Row> rows(@PathVariable String id, @RequestParam(required = false) RowOutcome outcome,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size,
            @AuthenticationPrincipal Caller caller) {
        inScope(id, caller);
        if (page < 0 || size < 1 || size > 1000) {
            throw ApiException.badRequest("INVALID_REQUEST", "page 不能为负数，size 应在 1 到 1000 之间");
        }
        long total = stagedRows.count(id, outcome);
        List<UploadJson.Row> content = stagedRows.page(id, outcome, page, size).stream().map(UploadJson.Row::of).toList();
        return new UploadJson.Page<>(content, page, size, total, (total + size - 1) / size);
    }

    @GetMapping("/{id}/errors.xlsx")
    ResponseEntity<StreamingResponseBody> errors(@PathVariable String id, @AuthenticationPrincipal Caller caller) {
        Upload upload = inScope(id, caller);
        if (upload.purgedAt() != null) {
            throw new ApiException(HttpStatus.GONE, "ERROR_REPORT_DELETED", "这次上传已结束超过保留期限（"
                    + settings.retention().toDays() + " 天），文件和错误报告中的个人信息已删除；如需更正，请修改原文件后重新上传");
        }
        audit.record(caller.userId(), "EXPORT_ERROR_REPORT", "upload", id, upload.orgCode(), null);
        return xlsx("错误报告-" + id + ".xlsx", out -> errorReports.write(upload, out));
    }

    /** Completes the review exactly as Tasklist does: the engine refuses the uploader. */
    @PostMapping("/{id}/decision")
    UploadJson.Details decide(@PathVariable String id, @RequestBody Decision decision,
            @AuthenticationPrincipal Caller caller) {
        Upload upload = inScope(id, caller);
        reviews.decide(upload.processInstanceId(), MemberImportProcess.REVIEW_TASK, upload.uploadedBy(), caller, decision, MemberImportProcess.WORDING);
        return UploadJson.Details.of(uploads.require(id));
    }

    private Upload inScope(String id, Caller caller) {
        Upload upload = uploads.require(id);
        organisations.requireInScope(upload.orgCode(), caller);
        return upload;
    }

    private static ResponseEntity<StreamingResponseBody> xlsx(String fileName, StreamingResponseBody body) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.attachment()
                        .filename(fileName, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CONTENT_TYPE, XLSX)
                .body(body);
    }
}
