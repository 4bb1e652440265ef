package dev.gazette.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FoldersTest {

    @TempDir
    Path root;

    @Test
    void makesMissingParentsAndToleratesThreadsMakingTheSameFolders() {
        Folders folders = new Folders(root);
        IntStream.range(0, 400).parallel().forEach(i -> {
            try {
                folders.ensure(root.resolve("2022/12/" + (i % 31 + 1) + "/story-" + (i % 50)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(root.resolve("2022/12/31/story-30")).isDirectory();
        assertThat(root.resolve("2022/12/1/story-0")).isDirectory();
    }

    @Test
    void aFileWhereAFolderBelongsIsAnError() throws IOException {
        Files.writeString(root.resolve("2022"), "not a folder");
        assertThatThrownBy(() -> new Folders(root).ensure(root.resolve("2022/12")))
                .isInstanceOf(IOException.class);
        Files.createDirectories(root.resolve("tag"));
        Files.writeString(root.resolve("tag/x"), "a file");
        assertThatThrownBy(() -> new Folders(root).ensure(root.resolve("tag/x")))
                .isInstanceOf(FileAlreadyExistsException.class);
    }
}
