package dev.gazette.parse;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.util.TextCollectingVisitor;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.HeaderIdGeneratorFactory;
import com.vladsch.flexmark.html.renderer.HtmlIdGenerator;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.gazette.slug.Slugs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * CommonMark plus GitHub tables, strikethrough, autolinks, footnotes and heading ids. One parser
 * and renderer serve every thread: building them compiles many regular expressions.
 */
final class MarkdownRenderer {

    /** The rendered body and the plain text of its first paragraph (for a derived summary). */
    record Rendered(String html, String firstParagraph) {
    }

    /** A link or image destination found in the body, with the node that holds it. */
    record Destination(String url, boolean image, Node node) {
        /**
         * The destination's line in the body, from 0. Asked only for a diagnostic: flexmark counts
         * the lines from the top of the document on every call, which cost an eighth of a cold build.
         */
        int bodyLine() {
            return node.getStartLineNumber();
        }
    }

    /**
     * One parser per set of extensions a document may need, indexed by {@link #TABLES} and
     * {@link #AUTOLINKS}; the others (strikethrough, footnotes) are always in. See parse.
     */
    private final Parser[] parsers = new Parser[4];
    private static final int TABLES = 1;
    private static final int AUTOLINKS = 2;
    private final HtmlRenderer renderer;
    private final HtmlWriter.Settings writerSettings;

    /** The renderer every {@link ArticleParser} shares: it holds nothing from one document to the next. */
    static MarkdownRenderer shared() {
        return Shared.RENDERER;
    }

    private static final class Shared {
        static final MarkdownRenderer RENDERER = new MarkdownRenderer();
    }

    MarkdownRenderer() {
        MutableDataSet options = options();
        for (int kind = 0; kind < parsers.length; kind++) {
            List<Extension> extensions = new ArrayList<>();
            if ((kind & TABLES) != 0) {
                extensions.add(TablesExtension.create());
            }
            extensions.add(StrikethroughExtension.create());
            if ((kind & AUTOLINKS) != 0) {
                extensions.add(AutolinkExtension.create());
            }
            extensions.add(FootnoteExtension.create());
            MutableDataSet these = new MutableDataSet(options).set(Parser.EXTENSIONS, extensions);
            parsers[kind] = StringMatchingInlineParser.install(Parser.builder(these), these).build();
            QuickBlockStarts.install(parsers[kind]);
            AnchoredListMarkers.install(parsers[kind].getOptions());
        }
        renderer = HtmlRenderer.builder(options).htmlIdGeneratorFactory(new AsciiHeadingIdsFactory()).build();
        writerSettings = HtmlWriter.Settings.of(renderer.getOptions());
    }

    /** flexmark's options for parsing and rendering, the same for every site. */
    static MutableDataSet options() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create(),
                AutolinkExtension.create(), FootnoteExtension.create()));
        options.set(HtmlRenderer.RENDER_HEADER_ID, true);
        options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        // Raw HTML in Markdown stays (newsrooms embed figures and videos): articles are trusted input,
        // front matter is what gets escaped.
        options.set(TablesExtension.CLASS_NAME, "table");
        return options;
    }

    /**
     * Renders {@code markdown}, passing every link and image destination through {@code rewrite}
     * first; {@code rewrite} returns the destination to use (or the same one).
     */
    Rendered render(String markdown, TextScan scan, java.util.function.Function<Destination, String> rewrite) {
        Document document = parse(markdown, scan);
        rewriteDestinations(document, rewrite);
        String firstParagraph = "";
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Paragraph) {
                firstParagraph = plainText(node);
                if (!firstParagraph.isBlank()) {
                    break;
                }
            }
        }
        return new Rendered(html(document), firstParagraph);
    }

    /**
     * The document as flexmark parses it with every extension, by a parser without those it cannot
     * need. Most articles have no bare link, and the autolink extension took a quarter of parse
     * time scanning their text, so each is parsed without it first; only where some text could
     * hold a bare link is it parsed again with it. A table needs a pipe in each of its lines, and
     * the tables extension cost a tenth of parse time looking for one in every paragraph (and
     * compiling a regular expression per document), so it is left out where the text has none.
     * The document is marked {@link #PLAIN} when no text in it needs unescaping (see HtmlWriter).
     */
    Document parse(String markdown) {
        return parse(markdown, TextScan.of(markdown));
    }

    private Document parse(String markdown, TextScan scan) {
        int kind = scan.pipe() ? TABLES : 0;
        Document document = parsers[kind].parse(TextSequence.of(markdown, scan));
        int[] marks = scan.linkMarks();
        if (marks.length > 0 && anyMarkInText(document, marks)) {
            document = parsers[kind | AUTOLINKS].parse(TextSequence.of(markdown, scan));
        }
        if (scan.plain()) {
            document.set(PLAIN, true);
        }
        return document;
    }

    /**
     * Set on a document whose text has no backslash, {@code &}, carriage return or NUL: its text
     * nodes are slices of that text as they are.
     */
    static final DataKey<Boolean> PLAIN = new DataKey<>("GAZETTE_PLAIN_TEXT", false);

    /**
     * The document's HTML. HtmlWriter writes it several times faster than flexmark's renderer;
     * flexmark renders the documents that hold a node HtmlWriter does not know.
     */
    String html(Document document) {
        String html = fastHtml(document);
        return html != null ? html : flexmarkHtml(document);
    }

    /** HtmlWriter's HTML for the document, or null if it holds a node HtmlWriter does not know. */
    String fastHtml(Document document) {
        return HtmlWriter.render(document, writerSettings, AsciiHeadingIds.of(document)::get);
    }

    String flexmarkHtml(Document document) {
        return renderer.render(document);
    }

    /**
     * Whether a text node holds one of the marks, or is followed by an entity: the autolink
     * extension looks in each text node, unescaped and joined with the entities after it, and
     * only there. Errs on the side of yes.
     */
    static boolean anyMarkInText(Node parent, int[] marks) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Text) {
                if (node.getNext() instanceof HtmlEntity) {
                    return true;
                }
                int start = node.getStartOffset();
                int end = node.getEndOffset();
                for (int i = 0; i < marks.length && marks[i] < end; i += 2) {
                    if (marks[i] >= start && marks[i + 1] <= end) {
                        return true;
                    }
                }
            }
            if (anyMarkInText(node, marks)) {
                return true;
            }
        }
        return false;
    }

    static void rewriteDestinations(Node parent, java.util.function.Function<Destination, String> rewrite) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Link link) {
                link.setUrl(rewritten(link.getUrl(), false, node, rewrite));
            } else if (node instanceof Image image) {
                image.setUrl(rewritten(image.getUrl(), true, node, rewrite));
            } else if (node instanceof Reference reference) {
                reference.setUrl(rewritten(reference.getUrl(), false, node, rewrite));
            }
            rewriteDestinations(node, rewrite);
        }
    }

    private static BasedSequence rewritten(BasedSequence url, boolean image, Node node,
            java.util.function.Function<Destination, String> rewrite) {
        String original = url.toString();
        String replacement = rewrite.apply(new Destination(original, image, node));
        return replacement.equals(original) ? url : BasedSequence.of(replacement);
    }

    static String plainText(Node node) {
        return collapseWhitespace(TEXT.get().collectAndGetText(node));
    }

    /**
     * One text collector per thread: making one registers its handlers afresh, and a first
     * paragraph and every heading of every article made one (about 2% of what a cold build allocated).
     * It keeps nothing from one call to the next but those handlers.
     */
    private static final ThreadLocal<TextCollectingVisitor> TEXT = ThreadLocal.withInitial(TextCollectingVisitor::new);

    /**
     * {@code text.replaceAll("\\s+", " ").strip()} in one pass: that regular expression was
     * compiled anew for every heading and first paragraph, 3% of a cold build's allocation.
     */
    static String collapseWhitespace(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                if (!space) {
                    out.append(' ');
                }
                space = true;
            } else {
                out.append(c);
                space = false;
            }
        }
        return out.toString().strip();
    }

    private static final class AsciiHeadingIdsFactory implements HeaderIdGeneratorFactory {
        @Override
        public HtmlIdGenerator create() {
            return new AsciiHeadingIds();
        }

        @Override
        public HtmlIdGenerator create(LinkResolverContext context) {
            return new AsciiHeadingIds();
        }
    }

    /** Heading ids in ASCII by the same slug rules as URLs, so Cyrillic headings get readable anchors. */
    private static final class AsciiHeadingIds implements HtmlIdGenerator {
        private Map<Node, String> ids = Map.of();

        @Override
        public void generateIds(Document document) {
            ids = of(document);
        }

        /** Every heading's id; a repeated one gets -1, -2, ... HtmlWriter is given the same ids. */
        static Map<Node, String> of(Document document) {
            Map<Node, String> ids = new IdentityHashMap<>();
            collect(document, new HashMap<>(), ids);
            return ids;
        }

        private static void collect(Node parent, Map<String, Integer> used, Map<Node, String> ids) {
            for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
                if (node instanceof Heading heading) {
                    String base = Slugs.slugify(plainText(heading));
                    if (base.isEmpty()) {
                        base = "section";
                    }
                    int n = used.merge(base, 1, Integer::sum);
                    ids.put(heading, n == 1 ? base : base + "-" + (n - 1));
                }
                collect(node, used, ids);
            }
        }

        @Override
        public String getId(Node node) {
            return ids.get(node);
        }

        @Override
        public String getId(CharSequence text) {
            String id = Slugs.slugify(text.toString());
            return id.isEmpty() ? null : id;
        }
    }
}
