package dev.gazette.parse;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.BulletListItem;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.OrderedListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.ParagraphItemContainer;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ast.util.ReferenceRepository;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.footnotes.internal.FootnoteRepository;
import com.vladsch.flexmark.ext.gfm.strikethrough.Strikethrough;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCaption;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.ListOptions;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NonRenderingInline;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.misc.CharPredicate;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import com.vladsch.flexmark.util.sequence.SequenceUtils;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Writes a flexmark document as HTML straight into one StringBuilder, byte for byte as our
 * configured flexmark HtmlRenderer does (see MarkdownRenderer), which spends more than parsing
 * because its LineAppendableImpl takes the output one character at a time.
 *
 * <p>It knows the node classes in {@link #KINDS}, each rendered as flexmark's CoreNodeRenderer or
 * the extension's renderer does with the options MarkdownRenderer uses: flexmark's defaults plus
 * heading ids and a table class. A document holding any other node class is not guessed at:
 * {@link #render} returns null and the caller renders it with flexmark. HtmlWriterTest compares
 * the two renderers on real and synthetic articles.
 *
 * <p>Of flexmark's line model only what our output can show is kept (indent size 0, so no
 * prefixes): leading spaces of a line are dropped outside pre-formatted text, {@link #line()}
 * ends a line only if it has text, and at most one blank line is written in a row.
 */
final class HtmlWriter {

    private enum Kind {
        PARAGRAPH, HEADING, TEXT, CHILDREN, EMPHASIS, STRONG, CODE, SOFT_BREAK, HARD_BREAK, LINK, IMAGE,
        LINK_REF, IMAGE_REF, NOTHING, AUTO_LINK, MAIL_LINK, BLOCK_QUOTE, BULLET_LIST, ORDERED_LIST, LIST_ITEM,
        FENCED_CODE, INDENTED_CODE, HTML_BLOCK, HTML_COMMENT_BLOCK, HTML_INLINE, HTML_ENTITY, THEMATIC_BREAK,
        STRIKETHROUGH, TABLE, TABLE_HEAD, TABLE_BODY, TABLE_ROW, TABLE_CELL, TABLE_CAPTION, FOOTNOTE
    }

    /** flexmark picks a renderer by a node's exact class, so this does too (a subclass is unknown). */
    private static final Map<Class<?>, Kind> KINDS = Map.ofEntries(
            Map.entry(Paragraph.class, Kind.PARAGRAPH),
            Map.entry(Heading.class, Kind.HEADING),
            Map.entry(Text.class, Kind.TEXT),
            Map.entry(TextBase.class, Kind.CHILDREN),
            Map.entry(Emphasis.class, Kind.EMPHASIS),
            Map.entry(StrongEmphasis.class, Kind.STRONG),
            Map.entry(Code.class, Kind.CODE),
            Map.entry(SoftLineBreak.class, Kind.SOFT_BREAK),
            Map.entry(HardLineBreak.class, Kind.HARD_BREAK),
            Map.entry(Link.class, Kind.LINK),
            Map.entry(Image.class, Kind.IMAGE),
            Map.entry(LinkRef.class, Kind.LINK_REF),
            Map.entry(ImageRef.class, Kind.IMAGE_REF),
            Map.entry(Reference.class, Kind.NOTHING),
            Map.entry(AutoLink.class, Kind.AUTO_LINK),
            Map.entry(MailLink.class, Kind.MAIL_LINK),
            Map.entry(BlockQuote.class, Kind.BLOCK_QUOTE),
            Map.entry(BulletList.class, Kind.BULLET_LIST),
            Map.entry(OrderedList.class, Kind.ORDERED_LIST),
            Map.entry(BulletListItem.class, Kind.LIST_ITEM),
            Map.entry(OrderedListItem.class, Kind.LIST_ITEM),
            Map.entry(FencedCodeBlock.class, Kind.FENCED_CODE),
            Map.entry(IndentedCodeBlock.class, Kind.INDENTED_CODE),
            Map.entry(HtmlBlock.class, Kind.HTML_BLOCK),
            Map.entry(HtmlCommentBlock.class, Kind.HTML_COMMENT_BLOCK),
            Map.entry(HtmlInline.class, Kind.HTML_INLINE),
            Map.entry(HtmlInlineComment.class, Kind.HTML_INLINE),
            Map.entry(HtmlEntity.class, Kind.HTML_ENTITY),
            Map.entry(ThematicBreak.class, Kind.THEMATIC_BREAK),
            Map.entry(Strikethrough.class, Kind.STRIKETHROUGH),
            Map.entry(TableBlock.class, Kind.TABLE),
            Map.entry(TableHead.class, Kind.TABLE_HEAD),
            Map.entry(TableSeparator.class, Kind.NOTHING),
            Map.entry(TableBody.class, Kind.TABLE_BODY),
            Map.entry(TableRow.class, Kind.TABLE_ROW),
            Map.entry(TableCell.class, Kind.TABLE_CELL),
            Map.entry(TableCaption.class, Kind.TABLE_CAPTION),
            Map.entry(Footnote.class, Kind.FOOTNOTE),
            // Rendered after the body, in the footnotes section.
            Map.entry(FootnoteBlock.class, Kind.NOTHING));

    /** flexmark's default SUPPRESSED_LINKS: such links render as their text only. */
    private static final Pattern SUPPRESSED_LINKS = Pattern.compile("javascript:.*");
    private static final CharPredicate LANGUAGE_DELIMITERS = CharPredicate.anyOf(" \t");
    private static final CharPredicate ASCII_LETTERS = c -> c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    private static final CharPredicate ASCII_LETTERS_AND_DIGITS = ASCII_LETTERS.or(CharPredicate.DECIMAL_DIGITS);

    /** What the writer needs of the renderer's options, read once (ListOptions reads some twenty). */
    record Settings(DataHolder options, ListOptions listOptions, String tableClass, boolean columnSpans) {
        /**
         * flexmark's renderer looks an option up in its own options, then in the document's (the
         * parser's). MarkdownRenderer's renderer has every option its parsers have, so its own
         * options are enough, and they do not change from one document to the next.
         */
        static Settings of(DataHolder rendererOptions) {
            return new Settings(rendererOptions, ListOptions.get(rendererOptions),
                    TablesExtension.CLASS_NAME.get(rendererOptions), TablesExtension.COLUMN_SPANS.get(rendererOptions));
        }
    }

    private final Settings settings;
    private final Function<Heading, String> headingIds;
    private final ReferenceRepository references;
    private final FootnoteRepository footnotes;

    private final StringBuilder out = new StringBuilder(8192);
    /** Where the current line starts in {@link #out}. */
    private int lineStart;
    /** Whether the current line has only spaces and tabs so far (flexmark's allWhitespace). */
    private boolean onlyWhitespace = true;
    private int preNesting;
    private boolean blankLineWritten;

    /**
     * The text the document was parsed from, where MarkdownRenderer found nothing in it to
     * unescape ({@link MarkdownRenderer#PLAIN}); else null.
     */
    private final String plainText;
    /** {@link #plainText}'s bytes as {@link TextScan#latin1} gives them (its sequence holds them), or null. */
    private final byte[] plainLatin1;

    private HtmlWriter(Document document, Settings settings, Function<Heading, String> headingIds) {
        this.settings = settings;
        this.headingIds = headingIds;
        references = Parser.REFERENCES.get(document);
        footnotes = FootnoteExtension.FOOTNOTES.get(document);
        plainText = MarkdownRenderer.PLAIN.get(document) ? TextSequence.stringBehind(document.getChars()) : null;
        plainLatin1 = plainText != null ? TextSequence.latin1Behind(document.getChars()) : null;
    }

    /**
     * The HTML of {@code document} as the HtmlRenderer {@code settings} were read from writes it,
     * with {@code headingIds} giving each heading's id; null if the document holds a node class
     * this writer does not know.
     */
    static String render(Document document, Settings settings, Function<Heading, String> headingIds) {
        if (!supported(document)) {
            return null;
        }
        HtmlWriter writer = new HtmlWriter(document, settings, headingIds);
        // As FootnoteNodeRenderer does when it is created: number the footnotes by first reference.
        writer.footnotes.resolveFootnoteOrdinals();
        writer.children(document);
        writer.footnoteSection();
        writer.line();
        return writer.out.toString();
    }

    private static boolean supported(Node parent) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (!KINDS.containsKey(node.getClass()) || !supported(node)) {
                return false;
            }
        }
        return true;
    }

    private void children(Node parent) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            render(node);
        }
    }

    private void render(Node node) {
        switch (KINDS.get(node.getClass())) {
            case PARAGRAPH -> paragraph((Paragraph) node);
            case HEADING -> heading((Heading) node);
            case TEXT -> text(node.getChars());
            case CHILDREN -> children(node);
            case EMPHASIS -> wrapped("<em>", node, "</em>");
            case STRONG -> wrapped("<strong>", node, "</strong>");
            case STRIKETHROUGH -> wrapped("<del>", node, "</del>");
            case CODE -> {
                tag("<code>");
                text(Escaping.collapseWhitespace(((Code) node).getText(), true));
                tag("</code>");
            }
            case SOFT_BREAK -> endLine();
            case HARD_BREAK -> {
                tag("<br />");
                endLine();
            }
            case LINK -> link((Link) node);
            case IMAGE -> image((Image) node);
            case LINK_REF -> linkRef((LinkRef) node);
            case IMAGE_REF -> imageRef((ImageRef) node);
            case AUTO_LINK -> autoLink((AutoLink) node);
            case MAIL_LINK -> mailLink((MailLink) node);
            case BLOCK_QUOTE -> indented("<blockquote>", node, "</blockquote>");
            case BULLET_LIST -> indented("<ul>", node, "</ul>");
            case ORDERED_LIST -> orderedList((OrderedList) node);
            case LIST_ITEM -> {
                line();
                tag("<li>");
                // Empty but for task lists: unescape() would run a regular expression per item.
                text(unescaped(((ListItem) node).getMarkerSuffix()));
                children(node);
                tag("</li>");
                line();
            }
            case FENCED_CODE -> fencedCode((FencedCodeBlock) node);
            case INDENTED_CODE -> {
                line();
                tag("<pre>");
                openPre();
                tag("<code>");
                text(((IndentedCodeBlock) node).getContentChars().trimTailBlankLines().normalizeEndWithEOL());
                tag("</code></pre>");
                closePre();
                line();
            }
            case HTML_BLOCK -> htmlBlock((HtmlBlock) node);
            case HTML_COMMENT_BLOCK, HTML_INLINE -> rawPre(node.getChars().normalizeEOL());
            // flexmark's UNESCAPE_HTML_ENTITIES: the character, escaped again only if it must be.
            case HTML_ENTITY -> text(node.getChars().unescape());
            case THEMATIC_BREAK -> {
                line();
                tag("<hr />");
                line();
            }
            case TABLE -> table((TableBlock) node);
            case TABLE_HEAD -> lineWrapped("<thead>", node, "</thead>");
            case TABLE_BODY -> lineWrapped("<tbody>", node, "</tbody>");
            case TABLE_ROW -> lineWrapped("<tr>", node, "</tr>");
            case TABLE_CAPTION -> lineWrapped("<caption>", node, "</caption>");
            case TABLE_CELL -> tableCell((TableCell) node);
            case FOOTNOTE -> footnote((Footnote) node);
            case NOTHING -> {
            }
        }
    }

    private void wrapped(String open, Node node, String close) {
        tag(open);
        children(node);
        tag(close);
    }

    /** flexmark's tagLine: the element on lines of its own, its children inline. */
    private void lineWrapped(String open, Node node, String close) {
        line();
        wrapped(open, node, close);
        line();
    }

    /** flexmark's tagIndent and tagLineIndent, which with indent size 0 differ in nothing we see. */
    private void indented(String open, Node node, String close) {
        line();
        tag(open);
        line();
        children(node);
        line();
        tag(close);
        line();
    }

    private void paragraph(Paragraph paragraph) {
        if (paragraph.getFirstChildAnyNot(NonRenderingInline.class) == null) {
            return;
        }
        // Tight list items hold their paragraph's text without <p>.
        if (paragraph.getParent() instanceof ParagraphItemContainer container
                && container.isParagraphWrappingDisabled(paragraph, settings.listOptions(), settings.options())) {
            children(paragraph);
        } else {
            lineWrapped("<p>", paragraph, "</p>");
        }
    }

    private void heading(Heading heading) {
        String tag = "h" + heading.getLevel();
        line();
        tag("<" + tag);
        String id = headingIds.apply(heading);
        if (id != null && !id.isEmpty()) {
            attribute("id", id);
        }
        tag(">");
        children(heading);
        tag("</" + tag + ">");
        line();
    }

    private void orderedList(OrderedList list) {
        int start = list.getStartNumber();
        boolean withStart = settings.listOptions().isOrderedListManualStart() && start != 1;
        indented(withStart ? "<ol start=\"" + start + "\">" : "<ol>", list, "</ol>");
    }

    private void fencedCode(FencedCodeBlock block) {
        line();
        tag("<pre>");
        openPre();
        tag("<code");
        BasedSequence info = block.getInfo();
        if (info.isNotNull() && !info.isBlank()) {
            attribute("class", "language-" + block.getInfoDelimitedByAny(LANGUAGE_DELIMITERS).unescape());
        }
        tag(">");
        text(block.getContentChars().normalizeEOL());
        tag("</code></pre>");
        closePre();
        line();
    }

    private void htmlBlock(HtmlBlock block) {
        line();
        if (block.hasChildren()) {
            children(block);
        } else {
            line();
            rawPre(block.getContentChars().normalizeEOL());
            line();
        }
        line();
    }

    private void link(Link link) {
        if (suppressed(link.getUrl())) {
            children(link);
            return;
        }
        tag("<a");
        attribute("href", unescaped(link.getUrl()));
        if (link.getTitle().isNotNull()) {
            attribute("title", unescaped(link.getTitle()));
        }
        tag(">");
        children(link);
        tag("</a>");
    }

    private void image(Image image) {
        if (suppressed(image.getUrl())) {
            return;
        }
        tag("<img");
        // (flexmark appends the image's "URL content" too, which only PARSE_MULTI_LINE_IMAGE_URLS fills.)
        attribute("src", unescaped(image.getUrl()));
        attribute("alt", new TextCollectingVisitor().collectAndGetText(image));
        if (image.getTitle().isNotNull()) {
            attribute("title", unescaped(image.getTitle()));
        }
        tag(" />");
    }

    private void linkRef(LinkRef ref) {
        if (!ref.isDefined()) {
            // No reference with that name: the brackets stay as text around the children.
            if (ref.hasChildren()) {
                text(ref.getChars().prefixOf(ref.getChildChars()).unescape());
                children(ref);
                text(ref.getChars().suffixOf(ref.getChildChars()).unescape());
            } else {
                text(ref.getChars().unescape());
            }
            return;
        }
        Reference reference = ref.getReferenceNode(references);
        String url = unescaped(reference.getUrl());
        if (suppressed(url)) {
            children(ref);
            return;
        }
        tag("<a");
        attribute("href", url);
        if (reference.getTitle().isNotNull()) {
            attribute("title", unescaped(reference.getTitle()));
        }
        tag(">");
        children(ref);
        tag("</a>");
    }

    private void imageRef(ImageRef ref) {
        if (!ref.isDefined()) {
            text(ref.getChars().unescape());
            return;
        }
        Reference reference = ref.getReferenceNode(references);
        String url = unescaped(reference.getUrl());
        if (suppressed(url)) {
            return;
        }
        tag("<img");
        attribute("src", url);
        attribute("alt", new TextCollectingVisitor().collectAndGetText(ref));
        if (reference.getTitle().isNotNull()) {
            attribute("title", unescaped(reference.getTitle()));
        }
        tag(" />");
    }

    private void autoLink(AutoLink link) {
        String text = string(link.getText());
        // flexmark's AUTOLINK_WWW_PREFIX
        linkOrText(link.getUrl(), text.startsWith("www.") ? "http://" + text : text, text);
    }

    private void mailLink(MailLink link) {
        String text = unescaped(link.getText());
        linkOrText(link.getUrl(), "mailto:" + text, text);
    }

    /** An autolink's {@code <a>}, or its bare text when the URL is one that is never linked. */
    private void linkOrText(CharSequence url, String href, String text) {
        if (suppressed(url)) {
            text(text);
            return;
        }
        tag("<a");
        attribute("href", href);
        tag(">");
        text(text);
        tag("</a>");
    }

    private static boolean suppressed(CharSequence url) {
        // Most URLs do not even start like one: spare them the regular expression.
        return startsWith(url, "javascript:") && SUPPRESSED_LINKS.matcher(url).matches();
    }

    private static boolean startsWith(CharSequence s, String prefix) {
        if (s.length() < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (s.charAt(i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void table(TableBlock table) {
        line();
        tag("<table");
        if (!settings.tableClass().isEmpty()) {
            attribute("class", settings.tableClass());
        }
        tag(">");
        line();
        children(table);
        line();
        tag("</table>");
        line();
    }

    private void tableCell(TableCell cell) {
        String tag = cell.isHeader() ? "th" : "td";
        tag("<" + tag);
        if (cell.getAlignment() != null) {
            attribute("align", cell.getAlignment().name().toLowerCase(Locale.ROOT));
        }
        if (settings.columnSpans() && cell.getSpan() > 1) {
            attribute("colspan", String.valueOf(cell.getSpan()));
        }
        tag(">");
        children(cell);
        tag("</" + tag + ">");
    }

    private void footnote(Footnote footnote) {
        FootnoteBlock block = footnote.getFootnoteBlock();
        if (block == null) {
            raw("[^");
            children(footnote);
            raw("]");
            return;
        }
        int ordinal = block.getFootnoteOrdinal();
        int reference = footnote.getReferenceOrdinal();
        tag("<sup");
        attribute("id", "fnref-" + ordinal + (reference == 0 ? "" : "-" + reference));
        tag("><a");
        attribute("class", "footnote-ref");
        attribute("href", "#fn-" + ordinal);
        tag(">" + ordinal + "</a></sup>");
    }

    /** FootnoteNodeRenderer's BODY_BOTTOM phase: every referenced footnote, in order, with back links. */
    private void footnoteSection() {
        if (footnotes.getReferencedFootnoteBlocks().isEmpty()) {
            return;
        }
        line();
        tag("<div class=\"footnotes\">");
        line();
        tag("<hr />");
        line();
        tag("<ol>");
        line();
        for (FootnoteBlock block : footnotes.getReferencedFootnoteBlocks()) {
            int ordinal = block.getFootnoteOrdinal();
            tag("<li");
            attribute("id", "fn-" + ordinal);
            tag(">");
            line();
            children(block);
            for (int i = 0; i < block.getFootnoteReferences(); i++) {
                line();
                tag("<a");
                attribute("href", "#fnref-" + ordinal + (i == 0 ? "" : "-" + i));
                attribute("class", "footnote-backref");
                tag(">&#8617;</a>");
            }
            line();
            tag("</li>");
            line();
        }
        tag("</ol>");
        line();
        tag("</div>");
        line();
    }

    // ---- flexmark's line model -------------------------------------------------------------

    /** Ends the current line if it has any text (LineAppendable.line()). */
    private void line() {
        if (preNesting > 0 || out.length() > lineStart) {
            endLine();
        }
    }

    /**
     * Ends the current line as a '\n' does in LineAppendableImpl. A line with no text outside
     * pre-formatted text is blank, and flexmark writes at most one blank line in a row; it takes
     * a '\r' before the '\n' as part of the line end, so a line of just "\r" is blank too.
     */
    private void endLine() {
        int length = out.length() - lineStart;
        boolean blank = preNesting == 0 && (length == 0 || length == 1 && out.charAt(lineStart) == '\r');
        if (!blank) {
            out.append('\n');
            blankLineWritten = false;
        } else {
            out.setLength(lineStart);
            if (!blankLineWritten) {
                out.append('\n');
                blankLineWritten = true;
            }
        }
        lineStart = out.length();
        onlyWhitespace = true;
    }

    private void openPre() {
        preNesting++;
    }

    private void closePre() {
        preNesting--;
    }

    /** Appends markup that neither contains '\n' nor starts with white space. */
    private void tag(String markup) {
        onlyWhitespace = false;
        out.append(markup);
    }

    /**
     * Appends {@code name="value"}. It always follows a tag name or a closing quote, so the line
     * has text and the space stays.
     */
    private void attribute(String name, String value) {
        out.append(' ').append(name).append("=\"");
        escaped(value, true);
        tag("\"");
    }

    private void raw(String s) {
        int from = 0;
        for (int eol = s.indexOf('\n'); eol >= 0; eol = s.indexOf('\n', from)) {
            append(s, from, eol);
            endLine();
            from = eol + 1;
        }
        append(s, from, s.length());
    }

    /**
     * HtmlAppendableBase.rawPre: raw HTML, kept as it is even where it has blank lines. (flexmark
     * also moves a leading line end out of it and marks the line it starts on; neither shows in
     * HTML from the parser, which is never empty and never starts with a line end.)
     */
    private void rawPre(String html) {
        openPre();
        raw(html);
        closePre();
    }

    private void text(String s) {
        escaped(s, false);
    }

    /**
     * A text node's text as flexmark writes it: unescaped, line ends normalized, NUL read as
     * U+FFFD, then escaped. A slice of a plain document's text needs none of the first, nor a
     * look for each, and is escaped where it lies, from the bytes its scan read.
     */
    private void text(BasedSequence chars) {
        if (plainText != null && TextSequence.stringBehind(chars) == plainText) {
            escaped(plainText, plainLatin1, chars.getStartOffset(), chars.getEndOffset(), false);
        } else {
            text(normalizedEol(unescaped(chars)));
        }
    }

    /**
     * Appends {@code s} with & < > " escaped, as Escaping.escapeHtml does; in attribute values
     * ({@code keepEntities}) a well-formed entity such as {@code &amp;} is kept as written.
     */
    private void escaped(String s, boolean keepEntities) {
        escaped(s, TextScan.latin1(s), 0, s.length(), keepEntities);
    }

    /**
     * Appends {@code s[start, end)} escaped, reading its characters from {@code latin1}, the
     * bytes {@link TextScan#latin1} gives for {@code s}: what is escaped is ASCII, and a loop over
     * bytes is several times quicker than String.charAt under the quick compiler.
     */
    private void escaped(String s, byte[] latin1, int start, int end, boolean keepEntities) {
        int from = start;
        for (int i = start; i < end; i++) {
            byte c = latin1[i];
            if (c > '>' || c < 0) {
                continue; // above all of & < > " and \n: most characters
            }
            String replacement;
            switch (c) {
                case '&' -> {
                    int entity = keepEntities ? entityLength(s, i) : 0;
                    if (entity > 0) {
                        i += entity - 1;
                        continue;
                    }
                    replacement = "&amp;";
                }
                case '<' -> replacement = "&lt;";
                case '>' -> replacement = "&gt;";
                case '"' -> replacement = "&quot;";
                case '\n' -> replacement = null;
                default -> {
                    continue;
                }
            }
            append(s, from, i);
            if (replacement == null) {
                endLine();
            } else {
                tag(replacement);
            }
            from = i + 1;
        }
        append(s, from, end);
    }

    /**
     * The length of the entity at {@code s[amp]}, or 0 if there is none: what Escaping's
     * {@code &(?:#x[a-f0-9]{1,8}|#[0-9]{1,8}|[a-z][a-z0-9]{1,31});} (ignoring case) matches there.
     */
    private static int entityLength(String s, int amp) {
        int i = amp + 1;
        CharPredicate body;
        int max;
        if (i < s.length() && s.charAt(i) == '#') {
            i++;
            boolean hex = i < s.length() && (s.charAt(i) == 'x' || s.charAt(i) == 'X');
            i += hex ? 1 : 0;
            body = hex ? CharPredicate.HEXADECIMAL_DIGITS : CharPredicate.DECIMAL_DIGITS;
            max = 8;
        } else if (i < s.length() && ASCII_LETTERS.test(s.charAt(i))) {
            i++;
            body = ASCII_LETTERS_AND_DIGITS;
            max = 31;
        } else {
            return 0;
        }
        int start = i;
        while (i < s.length() && body.test(s.charAt(i))) {
            i++;
        }
        int run = i - start;
        return run >= 1 && run <= max && i < s.length() && s.charAt(i) == ';' ? i + 1 - amp : 0;
    }

    /**
     * Appends {@code s[from, to)}, which holds no '\n', dropping spaces at the start of a line
     * outside pre-formatted text as flexmark's F_TRIM_LEADING_WHITESPACE does (tabs stay).
     */
    private void append(String s, int from, int to) {
        if (onlyWhitespace) {
            for (; from < to; from++) {
                char c = s.charAt(from);
                if (c == '\t' || c == ' ' && preNesting > 0) {
                    out.append(c);
                } else if (c != ' ') {
                    break;
                }
            }
            if (from == to) {
                return;
            }
            onlyWhitespace = false;
        }
        out.append(s, from, to);
    }

    /** BasedSequence.unescape(), without its regular expression when there is nothing to unescape. */
    private static String unescaped(BasedSequence s) {
        String string = string(s);
        return string.indexOf('\\') < 0 && string.indexOf('&') < 0 ? string : s.unescape();
    }

    /**
     * BasedSequence.toString(), which copies one character at a time. Most node text is a slice
     * of the parsed String (which reads NUL as U+FFFD) and is copied at once.
     */
    static String string(BasedSequence s) {
        String source = TextSequence.stringBehind(s);
        if (source != null) {
            String string = source.substring(s.getStartOffset(), s.getEndOffset());
            return string.indexOf(SequenceUtils.NUL) < 0 ? string : string.replace(SequenceUtils.NUL, SequenceUtils.ENC_NUL);
        }
        return s.toString();
    }

    private static String normalizedEol(String s) {
        return s.indexOf('\r') < 0 ? s : Escaping.normalizeEOL(s);
    }
}
