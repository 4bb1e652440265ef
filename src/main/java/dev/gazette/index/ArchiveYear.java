package dev.gazette.index;

import java.util.List;

/** A year on the archive page with its months, newest first. */
public record ArchiveYear(int year, String label, String url, int count, List<PeriodLink> months) {
    public ArchiveYear {
        months = List.copyOf(months);
    }

    /** As a record prints itself (see {@link Page}). */
    @Override
    public String toString() {
        return "ArchiveYear[year=" + year + ", label=" + label + ", url=" + url + ", count=" + count + ", months="
                + months + "]";
    }
}
