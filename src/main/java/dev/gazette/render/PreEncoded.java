package dev.gazette.render;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.AbstractNodeVisitor;
import io.pebbletemplates.pebble.extension.Extension;
import io.pebbletemplates.pebble.extension.NodeVisitor;
import io.pebbletemplates.pebble.extension.NodeVisitorFactory;
import io.pebbletemplates.pebble.node.BodyNode;
import io.pebbletemplates.pebble.node.PrintNode;
import io.pebbletemplates.pebble.node.RenderableNode;
import io.pebbletemplates.pebble.node.TextNode;
import io.pebbletemplates.pebble.node.expression.ContextVariableExpression;
import io.pebbletemplates.pebble.node.expression.Expression;
import io.pebbletemplates.pebble.node.expression.FilterExpression;
import io.pebbletemplates.pebble.node.expression.FilterInvocationExpression;
import io.pebbletemplates.pebble.node.expression.GetAttributeExpression;
import io.pebbletemplates.pebble.node.expression.LiteralStringExpression;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Template output that reaches {@link Utf8PageWriter} as UTF-8 bytes encoded before the page, where
 * Pebble would hand it over as text to encode on every page:
 *
 * <ul>
 * <li>the templates' own text (all that lies between their tags), encoded once when a template is
 * compiled: the markup of the head, header and footer is a fifth of each page, and encoding it
 * was 0.9% of a cold build;
 * <li>{@code {{ article.body | raw }}}: the body as the parse kept it, in UTF-8, where it was
 * decoded into a String for the template and encoded again for the page (a third of an article
 * page's bytes).
 * </ul>
 *
 * <p>What a page's bytes are does not change: the writer takes these bytes only where it would
 * have encoded the text to the same bytes.
 */
final class PreEncoded {

    private PreEncoded() {
    }

    /** The extension that rewrites each template so, as it is compiled. */
    static Extension extension() {
        return new AbstractExtension() {
            @Override
            public List<NodeVisitorFactory> getNodeVisitors() {
                return List.of(template -> visitor((PebbleTemplateImpl) template));
            }
        };
    }

    private static NodeVisitor visitor(PebbleTemplateImpl template) {
        return new AbstractNodeVisitor(template) {
            @Override
            public void visit(BodyNode body) {
                List<RenderableNode> children = body.getChildren();
                for (int i = 0; i < children.size(); i++) {
                    // Exactly Pebble's text node: a child template renders no text outside its
                    // blocks, by class, and Text is none of the classes it renders there.
                    if (children.get(i).getClass() == TextNode.class) {
                        children.set(i, new Text((TextNode) children.get(i)));
                    }
                }
                super.visit(body);
            }

            @Override
            public void visit(PrintNode print) {
                Expression<?> object = rawBodyOf(print.getExpression());
                if (object != null) {
                    print.setExpression(new RawBody(object, print.getExpression()));
                }
                super.visit(print);
            }
        };
    }

    /**
     * {@code x} where {@code printed} is {@code x.body | raw} and {@code x} a variable (which
     * reading twice cannot change); else null. The auto-escaper has wrapped it in its escape
     * filter, which leaves the raw filter's output as it is.
     */
    private static Expression<?> rawBodyOf(Expression<?> printed) {
        Expression<?> raw = filtered(printed, "escape");
        if (filtered(raw != null ? raw : printed, "raw") instanceof GetAttributeExpression attribute
                && attribute.getArgumentsNode() == null
                && attribute.getAttributeNameExpression() instanceof LiteralStringExpression name
                && name.getValue().equals("body")
                && attribute.getNode() instanceof ContextVariableExpression variable) {
            return variable;
        }
        return null;
    }

    /** What {@code expression} gives to {@code filter}, if that is what it is; else null. */
    private static Expression<?> filtered(Expression<?> expression, String filter) {
        return expression instanceof FilterExpression f && f.getRightExpression() instanceof FilterInvocationExpression
                invocation && invocation.getFilterName().equals(filter) ? f.getLeftExpression() : null;
    }

    /** A text node that gives Utf8PageWriter its bytes; any other writer, its text. */
    static final class Text extends TextNode {
        private final Utf8PageWriter.Encoded encoded;

        Text(TextNode text) {
            this(new String(text.getData()), text.getLineNumber());
        }

        private Text(String text, int lineNumber) {
            super(text, lineNumber);
            this.encoded = new Utf8PageWriter.Encoded(text);
        }

        @Override
        public void render(PebbleTemplateImpl self, Writer writer, EvaluationContextImpl context) throws IOException {
            if (writer instanceof Utf8PageWriter page) {
                page.write(encoded);
            } else {
                super.render(self, writer, context);
            }
        }
    }

    /**
     * {@code x.body | raw}: an article view's body as its UTF-8 bytes, which the writer copies
     * (and which are safe, as the raw filter's output is); anything else as Pebble prints it.
     */
    private record RawBody(Expression<?> object, Expression<?> printed) implements Expression<Object> {
        @Override
        public Object evaluate(PebbleTemplateImpl self, EvaluationContextImpl context) {
            return object.evaluate(self, context) instanceof ArticleView article
                    ? article.encodedBody() : printed.evaluate(self, context);
        }

        @Override
        public int getLineNumber() {
            return printed.getLineNumber();
        }

        @Override
        public void accept(NodeVisitor visitor) {
            printed.accept(visitor);
        }
    }
}
