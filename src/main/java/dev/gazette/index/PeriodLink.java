package dev.gazette.index;

/** A link to a date archive: its label ("December 2022"), root-relative URL and article count. */
public record PeriodLink(String label, String url, int count) {

    /** As a record prints itself (see {@link Page}). */
    @Override
    public String toString() {
        return "PeriodLink[label=" + label + ", url=" + url + ", count=" + count + "]";
    }
}
