package se.hjalpmedelsnav.mappings.registry;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the registry from YAML (config/registry.yaml) and checks it before it may be put in
 * force. Keys are the record component names; an unknown key is an error, so a typo cannot
 * silently drop a setting. Every problem is reported with its line.
 */
public final class RegistryLoader {

    private final ObjectReader reader;
    private final CountyMunicipalities county;

    /** A loader that accepts the municipalities of Västra Götaland. */
    public RegistryLoader() {
        this(CountyMunicipalities.load());
    }

    public RegistryLoader(CountyMunicipalities county) {
        this.county = Objects.requireNonNull(county, "county");
        this.reader = YAMLMapper.builder()
                .addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build()
                .readerFor(RegistryDocument.class);
    }

    /** Reads and checks the file (UTF-8). */
    public Registry load(Path file) throws InvalidRegistryException {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidRegistryException(file.toString(),
                    List.of(new InvalidRegistryException.Problem(0, 0, "", "cannot read the file: "
                            + e.getClass().getSimpleName())), e);
        }
        return load(content, file.toString());
    }

    /** Reads and checks YAML bytes (UTF-8); {@code source} names them in messages. */
    public Registry load(byte[] yaml, String source) throws InvalidRegistryException {
        return load(new String(yaml, StandardCharsets.UTF_8), source);
    }

    /** Reads and checks YAML text; {@code source} names it in messages. */
    public Registry load(Reader yaml, String source) throws InvalidRegistryException {
        StringWriter text = new StringWriter();
        try {
            yaml.transferTo(text);
        } catch (IOException e) {
            throw new InvalidRegistryException(source,
                    List.of(new InvalidRegistryException.Problem(0, 0, "", "cannot read: "
                            + e.getClass().getSimpleName())), e);
        }
        return load(text.toString(), source);
    }

    /** Reads and checks YAML text; {@code source} names it in messages. */
    public Registry load(String yaml, String source) throws InvalidRegistryException {
        RegistryDocument document = bind(yaml, source);
        // Jackson has accepted the text, so it is valid YAML and can be composed for positions.
        List<InvalidRegistryException.Problem> problems =
                RegistryChecks.check(document, county, YamlPositions.compose(yaml));
        if (!problems.isEmpty()) {
            throw new InvalidRegistryException(source, problems);
        }
        return document.toRegistry();
    }

    private RegistryDocument bind(String yaml, String source) throws InvalidRegistryException {
        RegistryDocument document;
        try {
            document = reader.readValue(yaml);
        } catch (JsonProcessingException e) {
            throw new InvalidRegistryException(source, List.of(problemOf(e, yaml)), e);
        }
        if (document == null) {
            throw new InvalidRegistryException(source,
                    List.of(new InvalidRegistryException.Problem(0, 0, "", "the file is empty")));
        }
        return document;
    }

    private static InvalidRegistryException.Problem problemOf(JsonProcessingException e, String yaml) {
        String path = e instanceof JsonMappingException mapping ? pathOf(mapping.getPath()) : "";
        MarkedYAMLException syntax = syntaxErrorIn(e);
        if (syntax != null) {
            Mark mark = syntax.getProblemMark() != null ? syntax.getProblemMark() : syntax.getContextMark();
            return mark == null
                    ? new InvalidRegistryException.Problem(lineOf(e), columnOf(e), path, describeSyntax(syntax))
                    : new InvalidRegistryException.Problem(mark.getLine() + 1, mark.getColumn() + 1, path,
                            describeSyntax(syntax));
        }
        StreamReadException unreadable = streamErrorIn(e);
        if (unreadable != null) {
            // E.g. a duplicate key: Jackson's position is the key itself.
            return new InvalidRegistryException.Problem(lineOf(unreadable), columnOf(unreadable), path,
                    Objects.requireNonNullElse(unreadable.getOriginalMessage(), "cannot read"));
        }
        // Jackson reports where its parser stood (often the end of the enclosing entry); the path,
        // looked up in the composed document, points at the offending key itself.
        YamlPositions positions = path.isEmpty() ? null : composeOrNull(yaml);
        if (positions != null) {
            YamlPositions.Position position = positions.of(path);
            String description = describe(e);
            if (!positions.has(path) && !(e instanceof UnrecognizedPropertyException)) {
                description = "missing (" + description + ")";
            }
            return new InvalidRegistryException.Problem(position.line(), position.column(), path, description);
        }
        return new InvalidRegistryException.Problem(lineOf(e), columnOf(e), path, describe(e));
    }

    private static YamlPositions composeOrNull(String yaml) {
        try {
            return YamlPositions.compose(yaml);
        } catch (YAMLException e) {
            // The part Jackson did not reach is not valid YAML; fall back to Jackson's position.
            return null;
        }
    }

    private static MarkedYAMLException syntaxErrorIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException marked) {
                return marked;
            }
        }
        return null;
    }

    private static StreamReadException streamErrorIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamReadException streamError) {
                return streamError;
            }
        }
        return null;
    }

    private static String describeSyntax(MarkedYAMLException e) {
        String problem = Objects.requireNonNullElse(e.getProblem(), "not valid YAML");
        return "YAML syntax error: " + (e.getContext() == null ? problem : e.getContext() + ": " + problem);
    }

    private static int lineOf(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        return location == null ? 0 : Math.max(location.getLineNr(), 0);
    }

    private static int columnOf(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        return location == null ? 0 : Math.max(location.getColumnNr(), 0);
    }

    private static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds() == null ? ""
                    : unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                            .collect(Collectors.joining(", ", " (known keys: ", ")"));
            return "unknown key '" + unknown.getPropertyName() + "'" + known;
        }
        if (e instanceof ValueInstantiationException instantiation) {
            return instantiation.getCause() instanceof NullPointerException
                    ? "a list contains an empty entry"
                    : "cannot build " + instantiation.getType().getRawClass().getSimpleName();
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "expected " + expectation(mismatch.getTargetType());
        }
        return Objects.requireNonNullElse(e.getOriginalMessage(), e.getClass().getSimpleName());
    }

    private static String expectation(Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a date (YYYY-MM-DD)";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == String.class) {
            return "a text";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an entry with keys (" + type.getSimpleName() + ")";
        }
        return "a value of type " + type.getSimpleName();
    }

    private static String pathOf(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
