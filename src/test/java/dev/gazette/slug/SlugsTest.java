package dev.gazette.slug;

import static dev.gazette.slug.Slugs.slugify;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.FixtureSite;
import java.nio.file.Path;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlugsTest {

    @Test
    void russianIsTransliteratedTheWayRegionalNewsroomsSpellIt() {
        assertThat(slugify("Ташкент принимает форум")).isEqualTo("tashkent-prinimaet-forum");
        assertThat(slugify("Новости дня")).isEqualTo("novosti-dnya");
        assertThat(slugify("Ёлка и ёж")).isEqualTo("yolka-i-yozh");
        assertThat(slugify("Объявление")).isEqualTo("obyavlenie");
        assertThat(slugify("Щука в Шымкенте")).isEqualTo("shchuka-v-shymkente");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "O\u02BBzbekiston va Qozog\u02BBiston", // ʻ U+02BB, the official Uzbek Latin letter
        "O'zbekiston va Qozog'iston", // ASCII apostrophe, as most people type it
        "O\u2019zbekiston va Qozog\u2019iston", // ’ right single quotation mark
        "O\u2018zbekiston va Qozog\u2018iston", // ‘ left single quotation mark
        "O\u02BCzbekiston va Qozog\u02BCiston", // ʼ modifier apostrophe
    })
    void uzbekLatinApostrophesAreDroppedWithoutSplittingTheWord(String title) {
        assertThat(slugify(title)).isEqualTo("ozbekiston-va-qozogiston");
    }

    @Test
    void uzbekCyrillicUsesUzbekLatinLetters() {
        assertThat(slugify("Ўзбекистон ва Қозоғистон ҳамкорлиги")).isEqualTo("ozbekiston-va-qozogiston-hamkorligi");
        assertThat(slugify("ЎЗБЕКИСТОН ВА ҚОЗОҒИСТОН")).isEqualTo("ozbekiston-va-qozogiston");
    }

    @Test
    void khaIsKhInRussianButXInUzbekText() {
        assertThat(slugify("Хабар")).isEqualTo("khabar");
        assertThat(slugify("Ўзбек хабар")).isEqualTo("ozbek-xabar");
        assertThat(slugify("Ҳафта хабарлари")).isEqualTo("hafta-xabarlari");
        assertThat(slugify("Самарқандда халқаро ҳунармандчилик фестивали очилди"))
                .isEqualTo("samarqandda-xalqaro-hunarmandchilik-festivali-ochildi");
    }

    @Test
    void punctuationQuotesAndColonsCollapseToSingleHyphens() {
        assertThat(slugify("Minister: \"We will finish\"")).isEqualTo("minister-we-will-finish");
        assertThat(slugify("  --Hello,  world!!--  ")).isEqualTo("hello-world");
        assertThat(slugify("«Кавычки» — тире: и т.д.")).isEqualTo("kavychki-tire-i-t-d");
        assertThat(slugify("Budget 2023 / 2024 (draft)")).isEqualTo("budget-2023-2024-draft");
        assertThat(slugify("C++ & Java")).isEqualTo("c-java");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Minister: \"We will finish\"", "«Кавычки»", "...Ташкент...", " — a — ", "x!", "!x"})
    void slugsHaveOnlyLowercaseAsciiLettersDigitsAndInnerSingleHyphens(String text) {
        assertThat(slugify(text)).matches("[a-z0-9]+(-[a-z0-9]+)*");
    }

    @Test
    void latinAccentsAreStripped() {
        assertThat(slugify("Café déjà")).isEqualTo("cafe-deja");
        assertThat(slugify("Łódź")).isEqualTo("lodz");
        assertThat(slugify("Straße")).isEqualTo("strasse");
        assertThat(slugify("Ташкент Café")).isEqualTo("tashkent-cafe");
    }

    @Test
    void textWithoutLettersOrDigitsGivesAnEmptySlug() {
        assertThat(slugify("😀🎉")).isEmpty();
        assertThat(slugify("— … —")).isEmpty();
        assertThat(slugify("")).isEmpty();
        assertThat(slugify("Hello 😀 world")).isEqualTo("hello-world");
    }

    @Test
    void asciiSlugsAreKeptAsTheyAre() {
        assertThat(slugify("budget-2023")).isEqualTo("budget-2023");
        assertThat(slugify("Budget 2023")).isEqualTo("budget-2023");
    }

    @Test
    void cyrillicFileNameCategoryAndHeadingGiveReadableAsciiUrlsAndAnchors(@TempDir Path dir) {
        FixtureSite site = FixtureSite.write(dir, """
                -- gazette.yaml --
                title: Курьер
                timezone: Asia/Tashkent
                -- content/2023/ташкент-форум.md --
                ---
                title: Ташкент принимает форум
                date: 2023-03-01 09:15
                category: Политика
                ---
                Вступление.

                ## Новости дня

                Текст.
                -- content/2023/Экономика/index.md --
                ---
                title: Экономика растёт
                date: 2023-03-02 10:00
                category: Политика
                ---
                Цифры.
                """).buildOk();

        Document article = site.page("/2023/03/01/tashkent-forum/");
        assertThat(article.select("h1").text()).isEqualTo("Ташкент принимает форум");
        assertThat(article.select(".story-body h2").attr("id")).isEqualTo("novosti-dnya");
        assertThat(article.select("article a.category").attr("href")).isEqualTo("/category/politika/");

        Document category = site.page("/category/politika/");
        assertThat(category.select("h1").text()).isEqualTo("Политика");
        assertThat(category.select(".article-list h2 a").eachAttr("href"))
                .containsExactly("/2023/03/02/ekonomika/", "/2023/03/01/tashkent-forum/");
        assertThat(site.page("/").select("nav.site-nav a[href=/category/politika/]").text()).isEqualTo("Политика");

        assertThat(FixtureSite.tree(site.output()).keySet()).allMatch(path -> path.chars().allMatch(c -> c < 0x80));
    }

    @Test
    void khaFollowsTheLanguageTheOtherLettersShow() {
        assertThat(Slugs.slugify("Қорақалпоғистон хабарлари")).isEqualTo("qoraqalpogiston-xabarlari");
        assertThat(Slugs.slugify("Қазақстан хабарлары әлемде")).isEqualTo("qazaqstan-habarlary-alemde");
        assertThat(Slugs.slugify("Хабаровск")).isEqualTo("khabarovsk");
    }
}
