package dev.gazette.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.url.SiteUrls;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PaginatorTest {

    private static final SiteUrls URLS = SiteUrls.of("https://example.org/news/");

    private static List<Paginator.Slice<Integer>> pages(int items, int pageSize) {
        return Paginator.paginate(IntStream.range(0, items).boxed().toList(), pageSize, "/2022/", URLS);
    }

    private static String bar(Pagination pagination) {
        StringBuilder out = new StringBuilder();
        for (PageLink link : pagination.pages()) {
            out.append(link.gap() ? "…" : link.current() ? "[" + link.number() + "]" : String.valueOf(link.number())).append(' ');
        }
        return out.toString().strip();
    }

    @Test
    void aLongListShowsTheEndsAndTwoPagesAroundTheCurrentOne() {
        List<Paginator.Slice<Integer>> slices = pages(100, 10);
        assertThat(bar(slices.get(0).pagination())).isEqualTo("[1] 2 3 … 10");
        assertThat(bar(slices.get(4).pagination())).isEqualTo("1 … 3 4 [5] 6 7 … 10");
        assertThat(bar(slices.get(9).pagination())).isEqualTo("1 … 8 9 [10]");
        assertThat(slices.get(4).pagination().pages().get(1).url()).isNull();
    }

    @Test
    void everyBarHasTheEndsAndTheTwoPagesOnEachSideInOrderWithAGapWhereNumbersSkip() {
        for (int total = 1; total <= 30; total++) {
            List<Paginator.Slice<Integer>> slices = pages(total * 10, 10);
            for (int n = 1; n <= total; n++) {
                StringBuilder expected = new StringBuilder();
                int last = 0;
                for (int k = 1; k <= total; k++) {
                    if (k == 1 || k == total || Math.abs(k - n) <= 2) {
                        expected.append(last != 0 && k > last + 1 ? "… " : "").append(k == n ? "[" + k + "]" : k).append(' ');
                        last = k;
                    }
                }
                assertThat(bar(slices.get(n - 1).pagination())).as("page %d of %d", n, total)
                        .isEqualTo(expected.toString().strip());
            }
        }
    }

    @Test
    void aShortListShowsEveryPage() {
        assertThat(bar(pages(50, 10).get(2).pagination())).isEqualTo("1 2 [3] 4 5");
    }

    @Test
    void pageOneIsTheListItselfAndTheOthersLiveUnderPage() {
        List<Paginator.Slice<Integer>> slices = pages(25, 10);
        assertThat(slices).extracting(Paginator.Slice::sitePath).containsExactly("/2022/", "/2022/page/2/", "/2022/page/3/");
        assertThat(slices.get(1).pagination().prevUrl()).isEqualTo("/news/2022/");
        assertThat(slices.get(1).pagination().nextUrl()).isEqualTo("/news/2022/page/3/");
        assertThat(slices.get(2).items()).containsExactly(20, 21, 22, 23, 24);
    }

    @Test
    void anEmptyListStillHasOnePage() {
        assertThat(pages(0, 10)).hasSize(1);
        assertThat(pages(0, 10).get(0).pagination().total()).isEqualTo(1);
    }
}
