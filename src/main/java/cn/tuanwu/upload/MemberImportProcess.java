package cn.tuanwu.upload;

import cn.tuanwu.review.ReviewWording;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Starting {@code member-import}, and its ids and variable names; reviews go through ReviewTasks. */
@Component
class MemberImportProcess {

    static final String KEY = "member-import";
    static final String REVIEW_TASK = "reviewUpload";

    static final String UPLOAD_ID = "uploadId";
    static final String ORG_CODE = "orgCode";
    static final String FILE_NAME = "fileName";
    static final String UPLOADED_BY = "uploadedBy";
    static final String REVIEWER_GROUP = "reviewerGroup";
    static final String ESCALATION_GROUP = "escalationGroup";
    static final String PARSE_RESULT = "parseResult";
    static final String LATE = "late";
    static final String WARNINGS = "warnings";
    static final String ERROR_REPORT_URL = "errorReportUrl";
    static final String FAILURE_CODE = "failureCode";
    static final ReviewWording WORDING = new ReviewWording("上传", "上传的文件", "告诉上传人需要修改什么");

    private final RuntimeService runtimeService;

    MemberImportProcess(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    /** Starts the process for a stored upload; the upload's id is the business key. */
    String start(String uploadId, String orgCode, String fileName, String uploadedBy) {
        return runtimeService.startProcessInstanceByKey(KEY, uploadId, Map.of(
                UPLOAD_ID, uploadId, ORG_CODE, orgCode, FILE_NAME, fileName, UPLOADED_BY, uploadedBy)).getId();
    }
}
