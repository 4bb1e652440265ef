package dev.gazette.write;

/**
 * What a write did.
 *
 * @param written files whose bytes changed or that are new
 * @param unchanged files kept as they were (same bytes, same modification time)
 * @param removed files of the previous output that the new one no longer has
 */
public record WriteResult(int written, int unchanged, int removed) {
    public int total() {
        return written + unchanged;
    }
}
