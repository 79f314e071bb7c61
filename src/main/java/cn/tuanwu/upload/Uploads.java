package cn.tuanwu.upload;

import cn.tuanwu.audit.Audit;
import cn.tuanwu.identity.Caller;
import cn.tuanwu.organisation.OrganisationInfo;
import cn.tuanwu.shared.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Receiving uploads and recording reviewers' decisions. */
@Service
class Uploads {

    private final UploadRepository repository;
    private final UploadFiles files;
    private final MemberImportProcess process;
    private final Audit audit;
    private final Clock clock;

    Uploads(UploadRepository repository, UploadFiles files, MemberImportProcess process, Audit audit, Clock clock) {
        this.repository = repository;
        this.files = files;
        this.process = process;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Stores the file and starts {@code member-import} in one transaction: either the upload exists
     * with its process, or nothing does. The heavy work runs later in the process's async job.
     */
    @Transactional
    Upload receive(OrganisationInfo organisation, String fileName, Path file, Caller caller) {
        long size;
        String sha256;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256())) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            sha256 = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String id = UUID.randomUUID().toString();
        Upload upload = repository.saveAndFlush(new Upload(id, organisation.code(), safeName(fileName), size, sha256,
                caller.userId(), clock.instant()));
        // Flushed first: upload_file references the upload row and is written with plain JDBC.
        files.store(id, file, size);
        upload.started(process.start(id, organisation.code(), upload.fileName(), caller.userId()));
        audit.record(caller.userId(), "UPLOAD", "upload", id, organisation.code(), "file " + size + " bytes");
        return upload;
    }

    /** Called by the review task's complete listener, in the task's transaction. */
    @Transactional
    void recordDecision(String uploadId, boolean approved, String userId, String comment) {
        Upload upload = require(uploadId);
        upload.decided(approved, userId, comment, clock.instant());
        audit.record(userId, approved ? "APPROVE_UPLOAD" : "REJECT_UPLOAD", "upload", uploadId, upload.orgCode(), null);
    }

    @Transactional(readOnly = true)
    Upload require(String uploadId) {
        return repository.findById(uploadId)
                .orElseThrow(() -> ApiException.notFound("UPLOAD_NOT_FOUND", "没有这次上传"));
    }

    /** Keeps the file's name for people to recognise, without paths or control characters. */
    static String safeName(String fileName) {
        String name = fileName == null ? "upload" : fileName.replaceAll("^.*[/\\\\]", "");
        name = name.replaceAll("[\\p{Cntrl}\\u202A-\\u202E\\u2066-\\u2069]", "").strip();
        if (name.isEmpty()) {
            name = "upload";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
