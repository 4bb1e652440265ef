package dev.gazette.bench;

import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.function.DoubleSupplier;

/**
 * How fast this machine is right now, for reading the figures printed after it. On a small
 * shared virtual machine the same cold build of 10,000 articles took 4.1 s in one hour and 6.3 s
 * in the next. Its kernel time doubled, and profiles put most of the growth where the kernel first
 * touches memory: copying the site's pages into fresh page cache, zeroing new pages of the heap.
 * Every build needs such memory, and the machine hands it out at a rate that changes by the hour;
 * its CPU time grew too. Each is timed here on a fixed task.
 *
 * <p>Usage: {@code MachineProbe}; prints two lines.
 */
public final class MachineProbe {

    private static final int MEMORY_MB = 256;

    private MachineProbe() {
    }

    public static void main(String[] args) {
        double cpu = best(MachineProbe::cpu);
        // Once only (a second time, the memory would no longer be new to the process), and outside
        // the heap, so that no collection takes part: the buffer is zeroed as it is made.
        long start = System.nanoTime();
        ByteBuffer fresh = ByteBuffer.allocateDirect(MEMORY_MB << 20);
        double memory = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "  %-28s %8.2f s   (fixed integer work, best of 3)%n", "CPU", cpu);
        System.out.printf(Locale.ROOT, "  %-28s %8.2f s   (%d MB this process had not touched)%n", "fresh memory", memory,
                fresh.capacity() >> 20);
    }

    /** A fixed amount of integer work that the compiler cannot skip, in seconds. */
    private static double cpu() {
        long start = System.nanoTime();
        long x = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < 300_000_000; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (x == 42) {
            System.out.print("");
        }
        return seconds;
    }

    private static double best(DoubleSupplier run) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            best = Math.min(best, run.getAsDouble());
        }
        return best;
    }
}
