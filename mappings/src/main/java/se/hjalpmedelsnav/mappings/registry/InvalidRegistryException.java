package se.hjalpmedelsnav.mappings.registry;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A registry file that cannot be put in force: a syntax or type error, or one or more broken
 * rules. The message names the file and the line of every problem so the editor can fix them all
 * in one go.
 */
public class InvalidRegistryException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * One problem in the file.
     *
     * @param line   1-based line, or 0 when unknown
     * @param column 1-based column, or 0 when unknown
     * @param path   where in the registry, e.g. {@code municipalities[3].customerNumbers[0].payerNumbers};
     *               empty for the whole file
     */
    public record Problem(int line, int column, String path, String description) {

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder();
            if (line > 0) {
                text.append("line ").append(line);
                if (column > 0) {
                    text.append(", column ").append(column);
                }
                text.append(": ");
            }
            if (path != null && !path.isEmpty()) {
                text.append(path).append(": ");
            }
            return text.append(description).toString();
        }
    }

    private final String source;
    private final transient List<Problem> problems;

    public InvalidRegistryException(String source, List<Problem> problems) {
        this(source, problems, null);
    }

    public InvalidRegistryException(String source, List<Problem> problems, Throwable cause) {
        super(describe(source, problems), cause);
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    private static String describe(String source, List<Problem> problems) {
        String heading = "Invalid registry " + source + " (" + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + "):";
        return problems.stream()
                .map(problem -> "  " + source + ": " + problem)
                .collect(Collectors.joining("\n", heading + "\n", ""));
    }

    /** The file (or other source name) the registry was read from. */
    public String source() {
        return source;
    }

    public List<Problem> problems() {
        return problems;
    }
}
