package dev.gazette.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticleTest {

    /** A field added to Article and forgotten in sameApartFromBody would leave preview pages stale. */
    @Test
    void everyFieldButTheBodyAndFingerprintCountsForSameApartFromBody() {
        Article original = ArticleVariants.original();
        ArticleVariants.changedOneField().forEach((name, other) -> {
            boolean bodyOnly = name.equals("body") || name.equals("fingerprint");
            assertThat(original.sameApartFromBody(other)).as(name).isEqualTo(bodyOnly);
            assertThat(other.sameApartFromBody(original)).as(name).isEqualTo(bodyOnly);
        });
    }
}
