package dev.gazette.render;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An indented UTF-8 XML document for feeds and sitemaps. The JDK's own StAX writer does the
 * escaping ({@code newDefaultFactory}, so a StAX implementation on the class path cannot change
 * the bytes); this class adds line breaks and strips characters XML 1.0 does not allow.
 */
final class XmlOutput {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();
    private static final String INDENT = "  ";

    private final StringWriter buffer = new StringWriter(16 * 1024);
    private final XMLStreamWriter xml;
    private int depth;

    XmlOutput() {
        try {
            xml = FACTORY.createXMLStreamWriter(buffer);
            xml.writeStartDocument("UTF-8", "1.0");
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens an element on a new line; its children are indented one more level. */
    XmlOutput start(String name) {
        try {
            newLine();
            xml.writeStartElement(name);
            depth++;
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens {@code prefix:name}; the prefix must be declared on an enclosing element. */
    XmlOutput start(String prefix, String name, String namespace) {
        try {
            newLine();
            xml.writeStartElement(prefix, name, namespace);
            depth++;
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Closes the innermost open element on a line of its own. */
    XmlOutput end() {
        try {
            depth--;
            newLine();
            xml.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Declares the default namespace on the element just opened. */
    XmlOutput defaultNamespace(String uri) {
        try {
            xml.writeDefaultNamespace(uri);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Declares a prefix on the element just opened. */
    XmlOutput namespace(String prefix, String uri) {
        try {
            xml.writeNamespace(prefix, uri);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An attribute of the element just opened. */
    XmlOutput attribute(String name, String value) {
        try {
            xml.writeAttribute(name, clean(value));
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code xml:lang} on the element just opened. */
    XmlOutput lang(String language) {
        try {
            xml.writeAttribute(XMLConstants.XML_NS_PREFIX, XMLConstants.XML_NS_URI, "lang", clean(language));
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code <name>text</name>} on one line. */
    XmlOutput text(String name, String text) {
        try {
            newLine();
            xml.writeStartElement(name);
            xml.writeCharacters(clean(text));
            xml.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code <prefix:name>text</prefix:name>} on one line. */
    XmlOutput text(String prefix, String name, String namespace, String text) {
        try {
            newLine();
            xml.writeStartElement(prefix, name, namespace);
            xml.writeCharacters(clean(text));
            xml.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An element with a text child, attributes given as name, value pairs. */
    XmlOutput textWithAttributes(String name, String text, String... attributes) {
        try {
            newLine();
            xml.writeStartElement(name);
            writeAttributes(attributes);
            xml.writeCharacters(clean(text));
            xml.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An empty element, attributes given as name, value pairs. */
    XmlOutput empty(String name, String... attributes) {
        try {
            newLine();
            xml.writeEmptyElement(name);
            writeAttributes(attributes);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An empty {@code prefix:name} element, attributes given as name, value pairs. */
    XmlOutput emptyPrefixed(String prefix, String name, String namespace, String... attributes) {
        try {
            newLine();
            xml.writeEmptyElement(prefix, name, namespace);
            writeAttributes(attributes);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Closes the document and returns its UTF-8 bytes, ending in a line break. */
    byte[] bytes() {
        if (depth != 0) {
            throw new IllegalStateException("unclosed elements: " + depth);
        }
        try {
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return (buffer + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private void writeAttributes(String... attributes) throws XMLStreamException {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            xml.writeAttribute(attributes[i], clean(attributes[i + 1]));
        }
    }

    private void newLine() throws XMLStreamException {
        xml.writeCharacters("\n" + INDENT.repeat(depth));
    }

    /**
     * Removes what XML 1.0 cannot hold even escaped: control characters other than tab and line
     * breaks, lone surrogates, U+FFFE and U+FFFF. Front matter and Markdown may carry them.
     */
    static String clean(String text) {
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (!allowed(c)) {
                break;
            }
            i += Character.charCount(c);
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        out.append(text, 0, i);
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (allowed(c)) {
                out.appendCodePoint(c);
            }
            i += Character.charCount(c);
        }
        return out.toString();
    }

    private static boolean allowed(int c) {
        if (c == 0x9 || c == 0xA || c == 0xD) {
            return true;
        }
        // codePointAt returns a lone surrogate as itself; a valid pair arrives as one code point.
        return c >= 0x20 && c != 0xFFFE && c != 0xFFFF && !(c >= 0xD800 && c <= 0xDFFF);
    }
}
