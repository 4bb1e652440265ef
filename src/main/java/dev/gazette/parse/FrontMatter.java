package dev.gazette.parse;

/**
 * A file split into its YAML front matter and Markdown body.
 *
 * @param yaml the text between the {@code ---} lines
 * @param yamlLine file line on which the YAML starts (the line after the opening {@code ---})
 * @param body the Markdown after the closing {@code ---}
 * @param bodyLine file line on which the body starts
 */
record FrontMatter(String yaml, int yamlLine, String body, int bodyLine) {

    /** Splits {@code text}; returns null when it does not start with a front-matter block or the block is not closed. */
    static FrontMatter split(String text) {
        String normalized = text.replace("\r\n", "\n");
        if (!(normalized.startsWith("---\n") || normalized.equals("---"))) {
            return null;
        }
        int lineNo = 2;
        int pos = 4;
        while (pos <= normalized.length()) {
            int end = normalized.indexOf('\n', pos);
            String line = end < 0 ? normalized.substring(pos) : normalized.substring(pos, end);
            if (line.stripTrailing().equals("---") || line.stripTrailing().equals("...")) {
                String yaml = normalized.substring(4, pos);
                String body = end < 0 ? "" : normalized.substring(end + 1);
                return new FrontMatter(yaml, 2, body, lineNo + 1);
            }
            if (end < 0) {
                break;
            }
            pos = end + 1;
            lineNo++;
        }
        return null;
    }
}
