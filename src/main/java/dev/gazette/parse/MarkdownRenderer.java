package dev.gazette.parse;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
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
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.gazette.slug.Slugs;
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

    private final Parser parser;
    /** The same parser without autolinks: a quarter of parse time goes to scanning text for bare URLs. */
    private final Parser parserWithoutAutolinks;
    private final HtmlRenderer renderer;
    private final HtmlWriter.Settings writerSettings;

    MarkdownRenderer() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create(),
                AutolinkExtension.create(), FootnoteExtension.create()));
        MutableDataSet withoutAutolinks = new MutableDataSet(options);
        withoutAutolinks.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create(),
                FootnoteExtension.create()));
        options.set(HtmlRenderer.RENDER_HEADER_ID, true);
        options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        // Raw HTML in Markdown stays (newsrooms embed figures and videos): articles are trusted input,
        // front matter is what gets escaped.
        options.set(TablesExtension.CLASS_NAME, "table");
        parser = Parser.builder(options).build();
        parserWithoutAutolinks = Parser.builder(withoutAutolinks).build();
        renderer = HtmlRenderer.builder(options).htmlIdGeneratorFactory(new AsciiHeadingIdsFactory()).build();
        writerSettings = HtmlWriter.Settings.of(renderer.getOptions());
    }

    /**
     * Renders {@code markdown}, passing every link and image destination through {@code rewrite}
     * first; {@code rewrite} returns the destination to use (or the same one).
     */
    Rendered render(String markdown, java.util.function.Function<Destination, String> rewrite) {
        Document document = parse(markdown);
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

    Document parse(String markdown) {
        return (mayHaveBareLinks(markdown) ? parser : parserWithoutAutolinks).parse(markdown);
    }

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
     * Whether the text may hold a URL or e-mail address that is not already a Markdown or HTML
     * link, i.e. whether the autolink extension could change anything. Errs on the side of yes.
     */
    static boolean mayHaveBareLinks(String markdown) {
        for (int at = markdown.indexOf("://"); at >= 0; at = markdown.indexOf("://", at + 3)) {
            int start = at;
            while (start > 0 && Character.isLetter(markdown.charAt(start - 1))) {
                start--;
            }
            boolean explicit = start >= 2 && markdown.startsWith("](", start - 2)
                    || start >= 1 && (markdown.charAt(start - 1) == '<' || markdown.charAt(start - 1) == '"'
                            || markdown.charAt(start - 1) == '\'');
            if (!explicit) {
                return true;
            }
        }
        return markdown.contains("www.") || markdown.indexOf('@') >= 0;
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
        return new TextCollectingVisitor().collectAndGetText(node).replaceAll("\\s+", " ").strip();
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
