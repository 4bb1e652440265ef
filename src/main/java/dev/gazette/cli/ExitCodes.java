package dev.gazette.cli;

/** Process exit codes. */
public final class ExitCodes {
    public static final int OK = 0;
    /** Content, config or template errors: the message names the file and line. */
    public static final int CONTENT_ERRORS = 1;
    /** Unknown option, missing argument and the like. */
    public static final int USAGE = 2;
    /** A bug in Gazette or an I/O failure of its own. */
    public static final int INTERNAL = 70;
    /** Java ran out of memory; the message says how much the command had and how to give it more. */
    public static final int OUT_OF_MEMORY = 71;

    private ExitCodes() {
    }
}
