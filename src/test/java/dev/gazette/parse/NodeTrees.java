package dev.gazette.parse;

import com.vladsch.flexmark.util.ast.Node;

/** flexmark syntax trees as text, to compare two parses of one document. */
final class NodeTrees {

    private NodeTrees() {
    }

    /** Each node's class, where it lies in the text, its text and its children, one node per line. */
    static String tree(Node root) {
        StringBuilder out = new StringBuilder();
        tree(root, 0, out);
        return out.toString();
    }

    private static void tree(Node node, int depth, StringBuilder out) {
        out.append("  ".repeat(depth)).append(node.getClass().getSimpleName()).append(' ')
                .append(node.getStartOffset()).append('-').append(node.getEndOffset()).append(' ')
                .append(node.getChars().toString().replace("\n", "\\n")).append('\n');
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            tree(child, depth + 1, out);
        }
    }
}
