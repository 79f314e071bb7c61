package cn.tuanwu.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where this node keeps the copies of uploaded files (personal data) that it works on: a directory of
 * its own under {@code tuanwu.upload.scratch-dir}, held by a file lock while the node runs. A node that
 * is killed mid-upload cannot delete its copies; the next node to start on the machine finds that
 * directory's lock free (the operating system releases a dead process's locks) and deletes it, so no
 * member file outlives the upload it belonged to by more than a restart.
 */
@Component
class ScratchFiles implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ScratchFiles.class);
    private static final String LOCK = ".owner";
    /** A directory without its lock file is a node starting right now, unless it is older than this. */
    private static final Duration STARTING = Duration.ofMinutes(10);

    private final Path own;
    private final FileChannel channel;
    private final FileLock lock;

    ScratchFiles(@Value("${tuanwu.upload.scratch-dir:${java.io.tmpdir}/tuanwu-scratch}") Path root) throws IOException {
        Files.createDirectories(root);
        int swept = sweep(root);
        if (swept > 0) {
            log.info("Deleted the scratch directories of {} stopped node(s) under {}", swept, root);
        }
        for (int attempt = 1; ; attempt++) {
            Path directory = Files.createTempDirectory(root, "node-");
            FileChannel opened = FileChannel.open(directory.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock taken = opened.tryLock();
            // Another node's sweep may have taken the lock file between its creation and our lock, and deleted it.
            if (taken != null && Files.exists(directory.resolve(LOCK))) {
                own = directory;
                channel = opened;
                lock = taken;
                return;
            }
            opened.close();
            if (attempt == 3) {
                throw new IllegalStateException("Cannot lock a scratch directory under " + root);
            }
        }
    }

    /** A new empty file in this node's directory; the caller deletes it. */
    Path create(String prefix) {
        try {
            return Files.createTempFile(own, prefix, ".bin");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path directory() {
        return own;
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete a scratch file: {}", e.getClass().getSimpleName());
        }
    }

    /** Deletes the directories of nodes that stopped without deleting them; returns how many. */
    static int sweep(Path root) throws IOException {
        int swept = 0;
        try (DirectoryStream<Path> directories = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path directory : directories) {
                if (ownerStopped(directory)) {
                    deleteTree(directory);
                    swept++;
                }
            }
        }
        return swept;
    }

    private static boolean ownerStopped(Path directory) throws IOException {
        Path lockFile = directory.resolve(LOCK);
        if (!Files.exists(lockFile)) {
            return Files.getLastModifiedTime(directory).toInstant().isBefore(Instant.now().minus(STARTING));
        }
        try (FileChannel other = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock taken = other.tryLock();
            if (taken == null) {
                return false;
            }
            taken.release();
            return true;
        } catch (OverlappingFileLockException sameJvm) {
            // Another application context of this JVM (tests) holds it.
            return false;
        } catch (NoSuchFileException gone) {
            return false;
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Override
    public void destroy() throws IOException {
        lock.release();
        channel.close();
        deleteTree(own);
    }
}
