package dev.gazette.slug;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Turns titles, categories and tags into URL-safe ASCII slugs. Cyrillic (Russian, Uzbek, Kazakh)
 * goes through a table of our own so that results read the way newsrooms in the region spell
 * them ({@code Ташкент -> tashkent}, {@code Ўзбекистон -> ozbekiston}); other scripts fall back to
 * ICU's generic transliteration, and Latin diacritics are stripped.
 */
public final class Slugs {

    /** Combining marks, which NFD splits off accented letters. */
    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");

    private static final Map<Character, String> CYRILLIC = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "g"),
            Map.entry('д', "d"), Map.entry('е', "e"), Map.entry('ё', "yo"), Map.entry('ж', "zh"),
            Map.entry('з', "z"), Map.entry('и', "i"), Map.entry('й', "y"), Map.entry('к', "k"),
            Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"), Map.entry('о', "o"),
            Map.entry('п', "p"), Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"),
            Map.entry('у', "u"), Map.entry('ф', "f"), Map.entry('х', "kh"), Map.entry('ц', "ts"),
            Map.entry('ч', "ch"), Map.entry('ш', "sh"), Map.entry('щ', "shch"), Map.entry('ъ', ""),
            Map.entry('ы', "y"), Map.entry('ь', ""), Map.entry('э', "e"), Map.entry('ю', "yu"),
            Map.entry('я', "ya"),
            // Uzbek
            Map.entry('ў', "o"), Map.entry('қ', "q"), Map.entry('ғ', "g"), Map.entry('ҳ', "h"),
            // Kazakh
            Map.entry('ә', "a"), Map.entry('ө', "o"), Map.entry('ү', "u"), Map.entry('ұ', "u"),
            Map.entry('і', "i"), Map.entry('ң', "ng"), Map.entry('һ', "h"),
            // Ukrainian
            Map.entry('ї', "yi"), Map.entry('є', "ye"), Map.entry('ґ', "g"));

    /** Apostrophe-like marks inside words (Uzbek Latin oʻ, gʻ, and the hard sign's ʼ): dropped, not split on. */
    private static final String APOSTROPHES = "'ʻʼ’‘`´";

    private Slugs() {
    }

    /**
     * Returns a slug of lowercase ASCII letters, digits and single hyphens, never starting or
     * ending with a hyphen. Returns an empty string when the text has no letters or digits at all.
     */
    public static String slugify(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        String latin = transliterate(lower);
        StringBuilder out = new StringBuilder(latin.length());
        boolean pendingHyphen = false;
        for (int i = 0; i < latin.length(); i++) {
            char c = latin.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (pendingHyphen && out.length() > 0) {
                    out.append('-');
                }
                pendingHyphen = false;
                out.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                if (pendingHyphen && out.length() > 0) {
                    out.append('-');
                }
                pendingHyphen = false;
                out.append((char) (c + ('a' - 'A')));
            } else if (APOSTROPHES.indexOf(c) < 0) {
                pendingHyphen = true;
            }
        }
        return out.toString();
    }

    private static String transliterate(String lower) {
        if (isAscii(lower)) {
            return lower;
        }
        // х is "kh" in Russian, "x" in Uzbek Latin and "h" in Kazakh Latin: letters only those
        // languages have tell which one a title is in.
        String kha = "kh";
        if (containsAny(lower, "әөүұіңһ")) {
            kha = "h";
        } else if (containsAny(lower, "ўқғҳ")) {
            kha = "x";
        }
        StringBuilder out = new StringBuilder(lower.length() + 8);
        boolean other = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            String mapped = c == 'х' ? kha : CYRILLIC.get(c);
            if (mapped != null) {
                out.append(mapped);
            } else {
                other |= c > 0x7f;
                out.append(c);
            }
        }
        String text = out.toString();
        if (!other) {
            return text;
        }
        String stripped = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return isAscii(stripped) ? stripped : IcuFallback.toAscii(stripped);
    }

    private static boolean containsAny(String text, String letters) {
        for (int i = 0; i < letters.length(); i++) {
            if (text.indexOf(letters.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** Loaded only when a script outside our table appears: ICU's rules take a third of a second to compile. */
    private static final class IcuFallback {
        private static final ThreadLocal<Transliterator> ANY_TO_ASCII =
                ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));

        static String toAscii(String text) {
            return ANY_TO_ASCII.get().transliterate(text);
        }
    }
}
