package se.hjalpmedelsnav.mappings.registry;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Where each entry of a YAML document starts, so that a problem found on the bound records can be
 * reported with the line the editor has to look at. Built from SnakeYAML's node graph, which keeps
 * the start mark of every key and value.
 */
final class YamlPositions {

    /** A 1-based line and column; 0 when unknown. */
    record Position(int line, int column) {

        static final Position UNKNOWN = new Position(0, 0);
    }

    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

    private final Node root;

    private YamlPositions(Node root) {
        this.root = root;
    }

    /** Composes the first document of the text; the text must already be known to be valid YAML. */
    static YamlPositions compose(String yaml) {
        return new YamlPositions(new Yaml(new LoaderOptions()).compose(new StringReader(yaml)));
    }

    /**
     * The position of the entry at the path (e.g. {@code municipalities[3].customerNumbers[0].payerNumbers}):
     * the key's position for a mapping entry, the item's for a list item. Where the path goes further
     * than the document (a key that is absent), the position of the deepest entry that exists.
     */
    Position of(String path) {
        return toPosition(walk(path).lastMark);
    }

    /** Whether the document has an entry at the path, even one with an empty value. */
    boolean has(String path) {
        return walk(path).complete;
    }

    private record Walk(Mark lastMark, boolean complete) {
    }

    private Walk walk(String path) {
        if (root == null) {
            return new Walk(null, false);
        }
        Node node = root;
        Mark mark = root.getStartMark();
        for (Object segment : segments(path)) {
            if (segment instanceof Integer index && node instanceof SequenceNode sequence
                    && index < sequence.getValue().size()) {
                node = sequence.getValue().get(index);
                mark = node.getStartMark();
            } else if (segment instanceof String key && node instanceof MappingNode mapping
                    && entry(mapping, key) != null) {
                NodeTuple tuple = entry(mapping, key);
                node = tuple.getValueNode();
                mark = tuple.getKeyNode().getStartMark();
            } else {
                return new Walk(mark, false);
            }
        }
        return new Walk(mark, true);
    }

    private static NodeTuple entry(MappingNode mapping, String key) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
                return tuple;
            }
        }
        return null;
    }

    private static List<Object> segments(String path) {
        List<Object> segments = new ArrayList<>();
        Matcher matcher = SEGMENT.matcher(path);
        while (matcher.find()) {
            segments.add(matcher.group(1) != null ? matcher.group(1) : Integer.valueOf(matcher.group(2)));
        }
        return segments;
    }

    private static Position toPosition(Mark mark) {
        return mark == null ? Position.UNKNOWN : new Position(mark.getLine() + 1, mark.getColumn() + 1);
    }
}
