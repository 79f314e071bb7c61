package cn.tuanwu.upload;

import cn.tuanwu.member.MemberRegister;
import cn.tuanwu.organisation.OrganisationInfo;
import cn.tuanwu.organisation.Organisations;
import cn.tuanwu.shared.Dialect;
import cn.tuanwu.supervision.SubmissionWindows;
import cn.tuanwu.upload.sheet.ReadLimits;
import cn.tuanwu.upload.sheet.SheetReader;
import cn.tuanwu.upload.sheet.UploadFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code parseUpload}'s work: streams the file, checks every row against the data standard and the
 * register, and stages each row with its outcome, in one transaction (a crash rolls it back and the
 * job's retry starts again). A file-level failure fails the upload with its F_ code.
 */
@Service
class Staging {

    private static final Logger log = LoggerFactory.getLogger(Staging.class);
    /** From this many rows on, the planner is told how big the tables have grown. */
    static final int BULK = 10_000;

    private final UploadRepository repository;
    private final UploadFiles files;
    private final StagedRows stagedRows;
    private final MemberRegister register;
    private final Organisations organisations;
    private final SubmissionWindows windows;
    private final UploadSettings settings;
    private final Dialect dialect;
    private final Clock clock;

    Staging(UploadRepository repository, UploadFiles files, StagedRows stagedRows, MemberRegister register,
            Organisations organisations, SubmissionWindows windows, UploadSettings settings, Dialect dialect,
            Clock clock) {
        this.repository = repository;
        this.files = files;
        this.stagedRows = stagedRows;
        this.register = register;
        this.organisations = organisations;
        this.windows = windows;
        this.settings = settings;
        this.dialect = dialect;
        this.clock = clock;
    }

    @Transactional
    Upload stage(String uploadId) {
        Upload upload = repository.findById(uploadId).orElseThrow();
        if (upload.status() != UploadStatus.VALIDATING) {
            return upload;
        }
        long started = System.nanoTime();
        log.info("Upload {} staging", uploadId);
        LocalDate today = LocalDate.now(clock);
        OrganisationInfo organisation = organisations.require(upload.orgCode());
        Set<String> subtree = organisations.subtreeCodes(organisation.code());
        StagingHandler handler = new StagingHandler(uploadId, today, subtree, organisations, register, stagedRows,
                settings);
        Path file = files.copyToTemp(uploadId);
        try {
            new SheetReader(new ReadLimits(settings.maxBytes(), 256, ReadLimits.defaults().maxUncompressedBytes()))
                    .readAhead(file, upload.fileName(), handler::check, handler::accept);
            handler.finish();
            upload.staged(handler.counts(), handler.warnings(), isLate(organisation, today), handler.headersJson());
            if (handler.counts().values().stream().mapToInt(Integer::intValue).sum() >= BULK) {
                dialect.analyze("upload_row");
            }
        } catch (UploadFileException e) {
            stagedRows.deleteAll(uploadId);
            upload.failed(e.failure().name(), e.getMessage());
        } finally {
            ScratchFiles.deleteQuietly(file);
        }
        log.info("Upload {} staged: {} {} in {} ms", uploadId, upload.status(), Applying.counts(upload),
                (System.nanoTime() - started) / 1_000_000);
        return upload;
    }

    /** Outside the top-level organisation's window this year (accepted, but counted as late). */
    private boolean isLate(OrganisationInfo organisation, LocalDate today) {
        String topLevel = organisation.topLevelCode();
        if (topLevel == null) {
            return false;
        }
        OrganisationInfo top = organisations.require(topLevel);
        return windows.windowOf(top.category(), today.getYear()).map(window -> !window.contains(today)).orElse(false);
    }
}
