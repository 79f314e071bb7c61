package cn.tuanwu.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.lob.DefaultLobHandler;
import org.springframework.stereotype.Repository;

/**
 * Uploaded files live in the database, so that any node of a cluster can parse them and a restart
 * loses none. Readers get a temporary copy on disk.
 */
@Repository
class UploadFiles {

    private final JdbcTemplate jdbc;
    private final ScratchFiles scratch;

    UploadFiles(JdbcTemplate jdbc, ScratchFiles scratch) {
        this.jdbc = jdbc;
        this.scratch = scratch;
    }

    void store(String uploadId, Path file, long size) {
        try (InputStream in = Files.newInputStream(file)) {
            jdbc.update("INSERT INTO upload_file (upload_id, content) VALUES (?, ?)", statement -> {
                statement.setString(1, uploadId);
                statement.setBinaryStream(2, in, size);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A temporary copy of the file in this node's scratch directory; the caller deletes it. */
    Path copyToTemp(String uploadId) {
        Path temp = scratch.create("upload-");
        jdbc.query("SELECT content FROM upload_file WHERE upload_id = ?", rs -> {
            try (InputStream in = new DefaultLobHandler().getBlobAsBinaryStream(rs, 1)) {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                ScratchFiles.deleteQuietly(temp);
                throw new UncheckedIOException(e);
            }
        }, uploadId);
        return temp;
    }
}
