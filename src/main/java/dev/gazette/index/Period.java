package dev.gazette.index;

/**
 * A year, month or day archive.
 *
 * @param kind "year", "month" or "day"
 * @param parent the year of a month, the month of a day; null for a year
 * @param prev the previous period of the same kind that has articles, or null
 * @param next the next period of the same kind that has articles, or null
 */
public record Period(String kind, String label, String url, PeriodLink parent, PeriodLink prev, PeriodLink next) {
}
