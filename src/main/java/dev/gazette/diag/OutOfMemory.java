package dev.gazette.diag;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * A build that ran out of memory. Java's own report is a stack trace that says neither how much
 * memory the build had nor how to give it more; this says both. The error is looked for among a
 * failure's causes too: one thrown on a worker thread reaches the build wrapped.
 */
public final class OutOfMemory {

    private OutOfMemory() {
    }

    /** Whether {@code failure}, or one of its causes, is Java running out of memory. */
    public static boolean causedBy(Throwable failure) {
        return errorIn(failure) != null;
    }

    /**
     * What to tell the user after {@code gazette <command>} ran out of memory. Printed once the
     * failed work has let go of its memory, so making it cannot fail the same way.
     */
    public static String message(String command, Throwable failure) {
        OutOfMemoryError error = errorIn(failure);
        String what = error == null || error.getMessage() == null ? "" : error.getMessage();
        // Java's heap ran out (its cap) or the collector could no longer free any of it: more
        // heap helps. Anything else (threads, the class space) is the machine's memory.
        if (what.isEmpty() || what.contains("heap space") || what.contains("GC overhead")) {
            long capMb = heapCapBytes() / (1024 * 1024);
            long suggestedGb = Math.max(1, (2 * capMb + 1023) / 1024);
            return String.format(Locale.ROOT, "gazette: out of memory: gazette %s needed more than the %,d MB that"
                    + " Java may use for it (its heap).%n  Give it more and run it again, e.g."
                    + " GAZETTE_JAVA_OPTS=-Xmx%dg ./gazette %s", command, capMb, suggestedGb, command);
        }
        // One text or list longer than Java allows, whatever the heap: a template that loops.
        if (what.contains("array")) {
            return "gazette: out of memory (" + what + "): gazette " + command + " made a single value larger than"
                    + " Java allows. A template may be building an endless text or list.";
        }
        return "gazette: out of memory (" + what + "): the machine had too little free memory for gazette " + command
                + ". Free some and run it again.";
    }

    private static OutOfMemoryError errorIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError error) {
                return error;
            }
        }
        return null;
    }

    /** The heap's cap as set ({@code -Xmx}); the runtime's own figure leaves out a survivor space. */
    private static long heapCapBytes() {
        try {
            return Long.parseLong(ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .getVMOption("MaxHeapSize").getValue());
        } catch (RuntimeException | LinkageError e) {
            return Runtime.getRuntime().maxMemory();
        }
    }
}
