package cn.tuanwu.upload;

import cn.tuanwu.audit.Audit;
import cn.tuanwu.member.MemberChange;
import cn.tuanwu.member.MemberRegister;
import cn.tuanwu.shared.Dialect;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies an approved upload's staged rows in chunks. Each chunk is one transaction that writes its
 * rows and the upload's progress together, so a crash at any point resumes after the last
 * committed chunk: no row is lost and none is applied twice.
 */
@Service
class Applying {

    private static final Logger log = LoggerFactory.getLogger(Applying.class);

    private final UploadRepository repository;
    private final StagedRows stagedRows;
    private final MemberRegister register;
    private final Audit audit;
    private final Clock clock;
    private final Dialect dialect;
    private final TransactionTemplate chunkTransaction;
    private final int chunkSize;

    Applying(UploadRepository repository, StagedRows stagedRows, MemberRegister register, Audit audit, Clock clock,
            PlatformTransactionManager transactionManager, UploadSettings settings, Dialect dialect) {
        this.repository = repository;
        this.stagedRows = stagedRows;
        this.register = register;
        this.audit = audit;
        this.clock = clock;
        this.dialect = dialect;
        this.chunkTransaction = new TransactionTemplate(transactionManager);
        this.chunkTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.chunkSize = settings.chunkSize();
    }

    /** Applies what is left and marks the upload applied; safe to call again after any failure. */
    void apply(String uploadId) {
        int chunks = 0;
        // Staged rows never change number, so the last one is known before the first chunk.
        int lastRow = stagedRows.lastRow(uploadId);
        while (Boolean.TRUE.equals(chunkTransaction.execute(status -> applyNextChunk(uploadId, lastRow)))) {
            chunks++;
        }
        chunkTransaction.executeWithoutResult(status -> {
            Upload upload = repository.findById(uploadId).orElseThrow();
            if (upload.status() == UploadStatus.APPLYING) {
                upload.applied(clock.instant());
                audit.record("system", "APPLY_UPLOAD", "upload", uploadId, upload.orgCode(), counts(upload));
            }
        });
        if (lastRow >= Staging.BULK) {
            dialect.analyze("member");
        }
        log.info("Upload {} applied in {} chunks", uploadId, chunks);
    }

    /** One window of {@code chunkSize} row numbers: at most that many rows, whatever their outcomes. */
    private boolean applyNextChunk(String uploadId, int lastRow) {
        Upload upload = repository.findById(uploadId).orElseThrow();
        if (upload.status() != UploadStatus.APPLYING || upload.appliedThroughRow() >= lastRow) {
            return false;
        }
        int throughRow = (int) Math.min((long) upload.appliedThroughRow() + chunkSize, lastRow);
        if (dialect.isPostgres()) {
            // The rows go from the staging table to the register in the database, never through here.
            Map<RowOutcome, Integer> counts = upload.counts();
            List<Integer> taken = register.applyStaged(uploadId, upload.appliedThroughRow(), throughRow,
                    counts.get(RowOutcome.UPDATED) > 0, counts.get(RowOutcome.REACTIVATED) > 0);
            for (int rowNumber : taken) {
                rejectTaken(upload, rowNumber);
            }
        } else {
            applyThroughHere(upload, throughRow);
        }
        upload.progressed(throughRow);
        repository.save(upload);
        return true;
    }

    private void applyThroughHere(Upload upload, int throughRow) {
        String uploadId = upload.id();
        List<StagedRow> rows = stagedRows.changesBetween(uploadId, upload.appliedThroughRow(), throughRow);
        List<MemberChange> changes = new ArrayList<>(rows.size());
        for (StagedRow row : rows) {
            changes.add(switch (row.outcome()) {
                case NEW -> MemberChange.add(row.member());
                case UPDATED -> MemberChange.update(row.memberId(), row.member());
                case REACTIVATED -> MemberChange.reactivate(row.memberId(), row.member());
                default -> throw new IllegalStateException("Row " + row.rowNumber() + " does not change the register");
            });
        }
        // The register adds no one it already has: another upload may have added this person after this one was checked.
        Set<String> takenSinceStaging = register.apply(changes);
        if (!takenSinceStaging.isEmpty()) {
            for (StagedRow row : rows) {
                if (row.outcome() == RowOutcome.NEW && takenSinceStaging.contains(row.member().idNumber().value())) {
                    rejectTaken(upload, row.rowNumber());
                }
            }
        }
    }

    /** A NEW row whose person the register gained after this upload was checked: rejected, never inserted twice. */
    private void rejectTaken(Upload upload, int rowNumber) {
        stagedRows.rejectAtApply(upload.id(), rowNumber, new StagedRow.StagedError("E_REGISTER_CHANGED", null, null,
                "审核期间登记库中已新增该身份证号的团员，本行未写入；如需修改其信息，请重新上传本行"));
        upload.rowRejectedAtApply(RowOutcome.NEW);
    }

    static String counts(Upload upload) {
        return upload.counts().entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                .reduce((a, b) -> a + " " + b).orElse("");
    }
}
