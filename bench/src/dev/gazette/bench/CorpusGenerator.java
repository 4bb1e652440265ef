package dev.gazette.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a synthetic news site of N articles: 8 categories, about 300 tags, 40 authors, dates
 * over 8 years, some Cyrillic and Uzbek titles, Markdown bodies of 400-900 words with headings,
 * lists, quotes and links. The same N and seed always give the same files.
 *
 * <p>Usage: {@code CorpusGenerator N DIR [SEED]}
 */
public final class CorpusGenerator {

    static final String[] CATEGORIES = {"Politics", "Economy", "Society", "Technology", "Sport", "Culture",
        "World", "Health"};
    private static final String[] WORDS = ("government minister regional trade agreement railway energy "
            + "project market growth export import border cooperation summit delegation investment water "
            + "harvest cotton textile gas pipeline solar plant city district school hospital university "
            + "festival exhibition road bridge airport flight passengers budget reform law parliament "
            + "election vote survey residents officials analysts companies banks currency inflation prices "
            + "wheat flour transport logistics corridor customs digital services platform startup network "
            + "tourism heritage museum season weather drought irrigation river reservoir canal").split(" ");
    private static final String[] CITIES = {"Tashkent", "Samarkand", "Bukhara", "Almaty", "Astana", "Khiva",
        "Namangan", "Fergana", "Andijan", "Nukus", "Termez", "Shymkent"};
    private static final String[] CYRILLIC = {"Ташкент принимает форум по {0}", "Новости экономики: {0}",
        "Ўзбекистонда янги {0} лойиҳаси", "Қозоғистон билан ҳамкорлик: {0}", "Самарқандда {0} очилди"};
    private static final String[] UZBEK_LATIN = {"Oʻzbekiston va Qozogʻiston {0} boʻyicha kelishdi",
        "Toshkentda yangi {0} loyihasi", "Gʻalla hosili va {0}"};

    private CorpusGenerator() {
    }

    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        write(n, dir, seed);
    }

    /** Writes the site (config and content/) into {@code dir}. */
    public static void write(int n, Path dir, long seed) throws IOException {
        Files.createDirectories(dir.resolve("content"));
        Files.writeString(dir.resolve("gazette.yaml"), """
                title: Benchmark Courier
                description: A synthetic news site.
                baseUrl: https://bench.example.org/
                timezone: Asia/Tashkent
                pageSize: 20
                """);
        String[] tags = new String[300];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = WORDS[i % WORDS.length] + (i < WORDS.length ? "" : " " + CITIES[i % CITIES.length])
                    + (i < WORDS.length * 2 ? "" : " " + (i / (WORDS.length * 2)));
        }
        String[] authors = new String[40];
        String[] first = {"Dilnoza", "Aziz", "Madina", "Timur", "Nodira", "Bekzod", "Aigerim", "Sanjar"};
        String[] last = {"Karimova", "Rakhimov", "Yusupova", "Alimov", "Saidova"};
        for (int i = 0; i < authors.length; i++) {
            authors[i] = first[i % first.length] + " " + last[i / first.length];
        }
        Random random = new Random(seed);
        LocalDateTime start = LocalDateTime.of(2017, 1, 1, 8, 0);
        long minutesSpan = 8L * 365 * 24 * 60;
        for (int i = 0; i < n; i++) {
            LocalDateTime date = start.plusMinutes((long) (random.nextDouble() * minutesSpan));
            String topic = WORDS[random.nextInt(WORDS.length)];
            String city = CITIES[random.nextInt(CITIES.length)];
            String title;
            int kind = random.nextInt(20);
            if (kind == 0) {
                title = CYRILLIC[random.nextInt(CYRILLIC.length)].replace("{0}", topic + " " + i);
            } else if (kind == 1) {
                title = UZBEK_LATIN[random.nextInt(UZBEK_LATIN.length)].replace("{0}", topic + " " + i);
            } else {
                title = capitalize(topic) + " " + WORDS[random.nextInt(WORDS.length)] + " in " + city
                        + " draws " + WORDS[random.nextInt(WORDS.length)] + " " + i;
            }
            StringBuilder md = new StringBuilder(6000);
            md.append("---\n");
            md.append("title: \"").append(title.replace("\"", "\\\"")).append("\"\n");
            md.append(String.format(Locale.ROOT, "date: %04d-%02d-%02d %02d:%02d%n", date.getYear(),
                    date.getMonthValue(), date.getDayOfMonth(), date.getHour(), date.getMinute()));
            md.append("category: ").append(CATEGORIES[random.nextInt(CATEGORIES.length)]).append('\n');
            md.append("tags: [");
            int tagCount = 2 + random.nextInt(4);
            for (int t = 0; t < tagCount; t++) {
                md.append(t > 0 ? ", " : "").append('"').append(tags[(int) Math.abs(random.nextGaussian() * 80) % tags.length]).append('"');
            }
            md.append("]\n");
            md.append("author: ").append(authors[random.nextInt(authors.length)]).append('\n');
            md.append("slug: article-").append(i).append('\n');
            md.append("---\n");
            body(md, random, city);
            Path file = dir.resolve(String.format(Locale.ROOT, "content/%04d/%02d/article-%d.md",
                    date.getYear(), date.getMonthValue(), i));
            Files.createDirectories(file.getParent());
            Files.writeString(file, md, StandardCharsets.UTF_8);
        }
    }

    private static void body(StringBuilder md, Random random, String city) {
        int words = 400 + random.nextInt(501);
        int written = 0;
        int paragraph = 0;
        while (written < words) {
            if (paragraph > 0 && paragraph % 3 == 0) {
                md.append("## ").append(capitalize(WORDS[random.nextInt(WORDS.length)])).append(" and ")
                        .append(WORDS[random.nextInt(WORDS.length)]).append("\n\n");
            }
            if (paragraph % 5 == 4) {
                for (int i = 0; i < 3; i++) {
                    md.append("- ").append(sentence(random, 8)).append('\n');
                    written += 8;
                }
                md.append('\n');
            } else if (paragraph % 7 == 6) {
                md.append("> ").append(sentence(random, 20)).append("\n\n");
                written += 20;
            } else {
                int len = 40 + random.nextInt(60);
                md.append(sentence(random, len / 2)).append(" Officials in ").append(city)
                        .append(" said the [").append(WORDS[random.nextInt(WORDS.length)])
                        .append(" report](https://example.org/reports/").append(random.nextInt(1000))
                        .append(") was *preliminary*. ").append(sentence(random, len / 2)).append("\n\n");
                written += len + 8;
            }
            paragraph++;
        }
    }

    private static String sentence(Random random, int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String w = WORDS[random.nextInt(WORDS.length)];
            s.append(i == 0 ? capitalize(w) : w).append(i + 1 < words ? " " : ".");
        }
        return s.toString();
    }

    private static String capitalize(String w) {
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
}
