package dev.gazette.render;

import static org.assertj.core.api.Assertions.assertThat;

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

    private static Article withTags(Article a, List<String> tags) {
        return new Article(a.source(), a.urlLine(), a.url(), a.title(), a.slug(), a.date(), a.updated(), a.category(),
                a.categorySlug(), tags, a.authors(), a.summary(), a.draft(), a.noindex(), a.image(), a.imageAlt(),
                a.lang(), Map.of(), a.body(), a.fingerprint());
    }
}
