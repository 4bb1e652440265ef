package dev.gazette.parse;

import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.BlockParser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.FencedCodeBlockParser;
import com.vladsch.flexmark.parser.core.HeadingParser;
import com.vladsch.flexmark.parser.core.ListBlockParser;
import com.vladsch.flexmark.parser.core.ThematicBreakParser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.mappers.SpecialLeadInHandler;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cheaper block starts for a flexmark parser, with the same results. For each document flexmark
 * makes a new starter per kind of block, and asks each of them about every line:
 * <ul>
 * <li>The heading starter compiles its regular expressions when it is made, for every document.
 * It holds nothing but the parser's options, like the list, thematic-break and code-fence
 * starters, so each of those is made once per parser here.</li>
 * <li>The heading, thematic-break and code-fence starters try a regular expression on every line
 * (the thematic break's allocates three sets per try). Each of those expressions needs one of a
 * few characters first, after the indent; other lines are answered "no block" here.</li>
 * <li>So does the list starter (a bullet or a digit), outside lists: 1% of a cold build's CPU
 * went to its expression. Within a list it also keeps track of which lines the list's items
 * handled, so there it is always asked.</li>
 * </ul>
 * The parser keeps its starters in a private list, in the order its dependencies gave them; each
 * is wrapped there, in place, so the order stays.
 */
final class QuickBlockStarts {

    /**
     * The kinds of block whose starter is made once, with the first character after the indent
     * that its expression needs (null for the list's, which depend on the options).
     */
    private static final Map<Class<?>, String> FIRST_CHARACTERS = new HashMap<>();

    static {
        FIRST_CHARACTERS.put(HeadingParser.Factory.class, "#=-");
        FIRST_CHARACTERS.put(ThematicBreakParser.Factory.class, "*_-");
        FIRST_CHARACTERS.put(FencedCodeBlockParser.Factory.class, "`~");
        FIRST_CHARACTERS.put(ListBlockParser.Factory.class, null);
    }

    private QuickBlockStarts() {
    }

    /**
     * Wraps {@code parser}'s block starters. Returns false, and leaves the parser as it is, where
     * this flexmark keeps them otherwise (a test holds the version Gazette uses to true).
     */
    static boolean install(Parser parser) {
        try {
            Field field = startersField();
            @SuppressWarnings("unchecked")
            List<CustomBlockParserFactory> factories = (List<CustomBlockParserFactory>) field.get(parser);
            List<CustomBlockParserFactory> wrapped = new ArrayList<>(factories.size());
            for (CustomBlockParserFactory factory : factories) {
                boolean known = FIRST_CHARACTERS.containsKey(factory.getClass());
                wrapped.add(known ? new Starter(factory, FIRST_CHARACTERS.get(factory.getClass())) : factory);
            }
            field.set(parser, wrapped);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /** The kinds of block whose starter {@code parser} now takes a shortcut for, in its order. */
    static List<Class<?>> wrappedKinds(Parser parser) throws ReflectiveOperationException {
        List<Class<?>> kinds = new ArrayList<>();
        for (Object factory : (List<?>) startersField().get(parser)) {
            if (factory instanceof Starter starter) {
                kinds.add(starter.factory.getClass());
            }
        }
        return kinds;
    }

    private static Field startersField() throws NoSuchFieldException {
        Field field = Parser.class.getDeclaredField("blockParserFactories");
        field.setAccessible(true);
        return field;
    }

    /**
     * One of flexmark's kinds of block, its starter made once for the parser's options (threads
     * may race to make it; any of theirs will do) and, where it has a pattern, checked first.
     */
    private static final class Starter implements CustomBlockParserFactory {
        private final CustomBlockParserFactory factory;
        private final String firstCharacters;
        private volatile Made made;

        Starter(CustomBlockParserFactory factory, String firstCharacters) {
            this.factory = factory;
            this.firstCharacters = firstCharacters;
        }

        private record Made(DataHolder options, BlockParserFactory starter) {
        }

        @Override
        public BlockParserFactory apply(DataHolder options) {
            Made last = made;
            if (last != null && last.options == options) {
                return last.starter;
            }
            BlockParserFactory starter = factory.apply(options);
            if (firstCharacters != null) {
                starter = new CheckedFirst(starter, firstCharacters);
            } else if (factory instanceof ListBlockParser.Factory) {
                // Its expression: one of these bullets, or up to nine digits, first.
                starter = new CheckedFirstOutsideLists(starter, Parser.LISTS_ITEM_PREFIX_CHARS.get(options) + "0123456789");
            }
            made = new Made(options, starter);
            return starter;
        }

        @Override
        public SpecialLeadInHandler getLeadInHandler(DataHolder options) {
            return factory.getLeadInHandler(options);
        }

        @Override
        public Set<Class<?>> getAfterDependents() {
            return factory.getAfterDependents();
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return factory.getBeforeDependents();
        }

        @Override
        public boolean affectsGlobalScope() {
            return factory.affectsGlobalScope();
        }
    }

    /** A starter asked only about lines whose first character after the indent could start its block. */
    private record CheckedFirst(BlockParserFactory starter, String firstCharacters) implements BlockParserFactory {
        @Override
        public BlockStart tryStart(ParserState state, MatchedBlockParser matchedBlockParser) {
            BasedSequence line = state.getLine();
            int first = state.getNextNonSpaceIndex();
            return first < line.length() && firstCharacters.indexOf(line.charAt(first)) >= 0
                    ? starter.tryStart(state, matchedBlockParser)
                    : BlockStart.none();
        }
    }

    /** As {@link CheckedFirst}, but for lines within a list, which the starter is always asked about. */
    private record CheckedFirstOutsideLists(BlockParserFactory starter, String firstCharacters) implements BlockParserFactory {
        @Override
        public BlockStart tryStart(ParserState state, MatchedBlockParser matchedBlockParser) {
            BlockParser matched = matchedBlockParser.getBlockParser();
            if (matched instanceof ListBlockParser || matched.getBlock().getAncestorOfType(ListBlock.class) != null) {
                return starter.tryStart(state, matchedBlockParser);
            }
            BasedSequence line = state.getLine();
            int first = state.getNextNonSpaceIndex();
            return first < line.length() && firstCharacters.indexOf(line.charAt(first)) >= 0
                    ? starter.tryStart(state, matchedBlockParser)
                    : BlockStart.none();
        }
    }
}
