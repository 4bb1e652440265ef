package dev.gazette.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.index.Page;
import dev.gazette.index.PageLink;
import dev.gazette.index.Pagination;
import dev.gazette.index.Period;
import dev.gazette.index.PeriodLink;
import dev.gazette.index.TemplateReads;
import dev.gazette.parse.Article;
import dev.gazette.parse.ArticleVariants;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageFingerprintsTest {

    /** A field added to Article and forgotten in the teaser head would leave built list pages stale. */
    @Test
    void everyFieldButTheBodyAndFingerprintChangesTheTeaserHead() {
        long original = PageFingerprints.teaserHead(ArticleVariants.original());
        ArticleVariants.changedOneField().forEach((name, other) -> {
            boolean bodyOnly = name.equals("body") || name.equals("fingerprint");
            assertThat(PageFingerprints.teaserHead(other) == original).as(name).isEqualTo(bodyOnly);
        });
    }

    @Test
    void textMovingBetweenTagsChangesTheTeaserHead() {
        Article original = ArticleVariants.original();
        Article oneTag = withTags(original, List.of("Tashkent, Samarkand"));
        Article twoTags = withTags(original, List.of("Tashkent", "Samarkand"));
        assertThat(PageFingerprints.teaserHead(oneTag)).isNotEqualTo(PageFingerprints.teaserHead(twoTags));
    }

    @Test
    void theReadsLeadTheFingerprintAndUnknownMeansAll() {
        assertThat(PageFingerprints.reads(null)).isEqualTo(TemplateReads.ALL);
        assertThat(PageFingerprints.reads("zz")).isEqualTo(TemplateReads.ALL);
        assertThat(PageFingerprints.reads("2abc")).isEqualTo(TemplateReads.COUNTS);
    }

    /** Each value of a list page's pagination and period shows on the page, so each changes its fingerprint. */
    @Test
    void everyValueOfTheListPagesPaginationAndPeriodChangesItsFingerprint() {
        List<Page.ListPage> pages = new java.util.ArrayList<>();
        pages.add(listPage(pagination(2, 5, "/p/1/", "/p/3/", 2, "/p/2/"), period(null)));
        pages.add(listPage(pagination(3, 5, "/p/1/", "/p/3/", 2, "/p/2/"), period(null)));
        pages.add(listPage(pagination(2, 6, "/p/1/", "/p/3/", 2, "/p/2/"), period(null)));
        pages.add(listPage(pagination(2, 5, null, "/p/3/", 2, "/p/2/"), period(null)));
        pages.add(listPage(pagination(2, 5, "/p/1/", "/p/4/", 2, "/p/2/"), period(null)));
        pages.add(listPage(pagination(2, 5, "/p/1/", "/p/3/", 1, "/p/2/"), period(null)));
        pages.add(listPage(pagination(2, 5, "/p/1/", "/p/3/", 2, "/q/2/"), period(null)));
        pages.add(listPage(pagination(2, 5, "/p/1/", "/p/3/", 2, "/p/2/"), null));
        pages.add(listPage(pagination(2, 5, "/p/1/", "/p/3/", 2, "/p/2/"), period(new PeriodLink("2021", "/2021/", 7))));
        pages.add(listPage(pagination(2, 5, "/p/1/", "/p/3/", 2, "/p/2/"), period(new PeriodLink("2021", "/2021/", 8))));
        pages.add(listPage(pagination(2, 5, "/p/1/", "/p/3/", 2, "/p/2/"), period(new PeriodLink("2020", "/2021/", 7))));
        PageFingerprints.Inputs inputs = new PageFingerprints.Inputs() {
            @Override
            public String siteHash(int reads) {
                return "site";
            }

            @Override
            public long teaserHead(Article article) {
                return 1;
            }

            @Override
            public long termsHead(Article article, boolean counts) {
                return 2;
            }
        };
        List<String> fingerprints = pages.stream().map(page -> PageFingerprints.of(page, 0, inputs)).toList();
        assertThat(new java.util.HashSet<>(fingerprints)).hasSize(pages.size());
        assertThat(PageFingerprints.of(pages.get(0), 0, inputs)).isEqualTo(fingerprints.get(0));
    }

    private static Page.ListPage listPage(Pagination pagination, Period period) {
        return new Page.ListPage("year", "/2022/page/2/", "list.html", "2022", "", List.of(), pagination, null, null,
                period);
    }

    /** Three page links, the middle one current or not. */
    private static Pagination pagination(int number, int total, String prev, String next, int current, String url) {
        return new Pagination(number, total, prev, next, List.of(new PageLink(1, "/p/1/", current == 1),
                new PageLink(2, url, current == 2), new PageLink(3, "/p/3/", false)));
    }

    private static Period period(PeriodLink prev) {
        return new Period("year", "2022", "/2022/", null, prev, null);
    }

    private static Article withTags(Article a, List<String> tags) {
        return new Article(a.source(), a.urlLine(), a.url(), a.title(), a.slug(), a.date(), a.updated(), a.category(),
                a.categorySlug(), tags, a.authors(), a.summary(), a.draft(), a.noindex(), a.image(), a.imageAlt(),
                a.lang(), Map.of(), a.body(), a.fingerprint());
    }
}
