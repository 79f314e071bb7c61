package cn.tuanwu.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchFilesTest {

    @TempDir
    Path root;

    @Test
    void aStoppedNodesDirectoryIsDeletedAtTheNextStartARunningOnesIsNot() throws Exception {
        ScratchFiles running = new ScratchFiles(root);
        Path copy = running.create("upload-");
        Files.writeString(copy, "张三,310101200001011234");
        // A node killed mid-upload: its lock file is there, nobody holds the lock.
        Path dead = Files.createDirectory(root.resolve("node-dead"));
        try (FileChannel channel = FileChannel.open(dead.resolve(".owner"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.writeString(dead.resolve("upload-1.bin"), "李四,310101200001015678");

        ScratchFiles next = new ScratchFiles(root);

        assertThat(dead).doesNotExist();
        assertThat(copy).as("the running node's file").exists();
        assertThat(next.directory()).isNotEqualTo(running.directory()).exists();
        next.destroy();
        running.destroy();
        assertThat(root).isEmptyDirectory();
    }

    @Test
    void aDirectoryWithoutItsLockFileIsANodeStartingUnlessItIsOld() throws Exception {
        Path starting = Files.createDirectory(root.resolve("node-starting"));
        Path abandoned = Files.createDirectory(root.resolve("node-abandoned"));
        Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(Duration.ofHours(1))));

        assertThat(ScratchFiles.sweep(root)).isEqualTo(1);

        assertThat(starting).exists();
        assertThat(abandoned).doesNotExist();
    }

    @Test
    void filesAreCreatedInTheNodesOwnDirectory() throws Exception {
        ScratchFiles scratch = new ScratchFiles(root);
        Path file = scratch.create("received-");

        assertThat(file.getParent()).isEqualTo(scratch.directory());
        assertThat(file.getFileName().toString()).startsWith("received-").endsWith(".bin");
        ScratchFiles.deleteQuietly(file);
        assertThat(file).doesNotExist();
        scratch.destroy();
    }
}
