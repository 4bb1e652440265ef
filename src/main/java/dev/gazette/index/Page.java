package dev.gazette.index;

import dev.gazette.parse.Article;
import java.util.List;

/**
 * One HTML page of the site. Each kind knows its template and where it is published, so later
 * stages never switch on the kind.
 *
 * <p>The overview pages, and the years and links they hold, print themselves into their
 * fingerprints. Their toString is written out as a record prints itself: a record makes its own
 * at the first call from method handles and String.format, tens of milliseconds of a fresh JVM.
 */
public sealed interface Page permits Page.ArticlePage, Page.ListPage, Page.CategoriesPage, Page.TermsPage,
        Page.ArchivePage, Page.NotFoundPage {

    /** Site path of the page, without the base path, e.g. {@code /2022/12/}. */
    String sitePath();

    /** Template file name, e.g. {@code article.html}. */
    String template();

    /** Page kind for templates: article, home, category, categories, year, month, day, archive, notFound. */
    String kind();

    /** Page title without the site name; empty for the home page. */
    String title();

    /** Plain-text description for the meta tag; may be empty. */
    String description();

    /** The source file that caused this page, for error messages; empty for generated pages. */
    default String origin() {
        return "";
    }

    /** The line of {@link #origin()} to point at, or 0. */
    default int originLine() {
        return 0;
    }

    /** An article's own page with its "More news" block. */
    record ArticlePage(Article article, List<Article> related) implements Page {
        public ArticlePage {
            related = List.copyOf(related);
        }

        @Override
        public String sitePath() {
            return article.url();
        }

        @Override
        public String template() {
            return "article.html";
        }

        @Override
        public String kind() {
            return "article";
        }

        @Override
        public String title() {
            return article.title();
        }

        @Override
        public String description() {
            return article.summary();
        }

        @Override
        public String origin() {
            return article.source();
        }

        @Override
        public int originLine() {
            return article.urlLine();
        }
    }

    /**
     * One page of a paginated list of articles: the home page, a category or a date archive.
     *
     * @param category the category on category pages, else null
     * @param term the tag or author on their pages, else null
     * @param period the period on date archives, else null
     */
    record ListPage(String kind, String sitePath, String template, String title, String description,
            List<Article> articles, Pagination pagination, Category category, Term term, Period period)
            implements Page {
        public ListPage {
            articles = List.copyOf(articles);
        }
    }

    /** {@code /category/}: every category with its count. */
    record CategoriesPage(String sitePath, List<Category> categories) implements Page {
        public CategoriesPage {
            categories = List.copyOf(categories);
        }

        /** As a record prints itself (see {@link Page}). */
        @Override
        public String toString() {
            return "CategoriesPage[sitePath=" + sitePath + ", categories=" + categories + "]";
        }

        @Override
        public String template() {
            return "categories.html";
        }

        @Override
        public String kind() {
            return "categories";
        }

        @Override
        public String title() {
            return "Sections";
        }

        @Override
        public String description() {
            return "";
        }
    }

    /**
     * {@code /tag/} or {@code /author/}: every term with its count.
     *
     * @param kind "tags" or "authors"
     */
    record TermsPage(String kind, String sitePath, String title, List<Term> terms) implements Page {
        public TermsPage {
            terms = List.copyOf(terms);
        }

        /** As a record prints itself (see {@link Page}). */
        @Override
        public String toString() {
            return "TermsPage[kind=" + kind + ", sitePath=" + sitePath + ", title=" + title + ", terms=" + terms + "]";
        }

        @Override
        public String template() {
            return "taxonomy.html";
        }

        @Override
        public String description() {
            return "";
        }
    }

    /** {@code /archive/}: every year and month with counts. */
    record ArchivePage(String sitePath, List<ArchiveYear> years) implements Page {
        public ArchivePage {
            years = List.copyOf(years);
        }

        /** As a record prints itself (see {@link Page}). */
        @Override
        public String toString() {
            return "ArchivePage[sitePath=" + sitePath + ", years=" + years + "]";
        }

        @Override
        public String template() {
            return "archive.html";
        }

        @Override
        public String kind() {
            return "archive";
        }

        @Override
        public String title() {
            return "Archive";
        }

        @Override
        public String description() {
            return "";
        }
    }

    /** {@code /404.html}, which static hosts serve for missing pages. */
    record NotFoundPage() implements Page {
        /** As a record prints itself (see {@link Page}). */
        @Override
        public String toString() {
            return "NotFoundPage[]";
        }

        @Override
        public String sitePath() {
            return "/404.html";
        }

        @Override
        public String template() {
            return "404.html";
        }

        @Override
        public String kind() {
            return "notFound";
        }

        @Override
        public String title() {
            return "Page not found";
        }

        @Override
        public String description() {
            return "";
        }
    }
}
