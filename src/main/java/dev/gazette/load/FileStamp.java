package dev.gazette.load;

import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/** A file's size and modification time: what tells, without reading it, that it may have changed. */
public record FileStamp(long size, long modifiedNanos) {

    static FileStamp of(BasicFileAttributes attributes) {
        return new FileStamp(attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS));
    }
}
