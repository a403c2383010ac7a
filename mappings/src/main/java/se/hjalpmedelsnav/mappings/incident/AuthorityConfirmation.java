package se.hjalpmedelsnav.mappings.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import se.hjalpmedelsnav.mappings.message.KommunMessageMappers;

/**
 * Läkemedelsverket's confirmation that it has an incident report, as fed back to the hub (admin API or a
 * confirmation file): the hub's reference of the report and the authority's own reference (diarienummer).
 *
 * <p>The confirmation file is one JSON object in UTF-8, at most {@value #MAX_FILE_BYTES} bytes:
 * {@code {"hubReference": "<the report's hub reference>", "authorityReference": "<Läkemedelsverket's reference>"}}
 * and nothing else.
 */
public record AuthorityConfirmation(String hubReference, String authorityReference) {

    public static final int MAX_FILE_BYTES = 4096;

    private static final Pattern HUB_REFERENCE = Pattern.compile("[A-Za-z0-9._:-]{1,36}");
    /** Läkemedelsverket's references are short case numbers such as {@code 6.3.4-2026-012345}. */
    private static final Pattern AUTHORITY_REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._:/-]{0,63}");
    private static final Set<String> MEMBERS = Set.of("hubReference", "authorityReference");

    /** What is wrong with an authority reference, or null when it is fine. Never quotes it. */
    public static String problemWithAuthorityReference(String authorityReference) {
        if (authorityReference == null || authorityReference.isBlank()) {
            return "authorityReference is required";
        }
        if (!AUTHORITY_REFERENCE.matcher(authorityReference).matches()) {
            return "authorityReference must be 1-64 characters of letters, digits, space and . _ : / -";
        }
        return null;
    }

    /**
     * Reads a confirmation file.
     *
     * @throws InvalidConfirmationException naming every problem, never quoting the file
     */
    public static AuthorityConfirmation parse(byte[] file) {
        if (file == null || file.length == 0) {
            throw new InvalidConfirmationException(List.of("the file is empty"));
        }
        if (file.length > MAX_FILE_BYTES) {
            throw new InvalidConfirmationException(List.of("the file is larger than " + MAX_FILE_BYTES + " bytes"));
        }
        JsonNode node;
        try {
            node = KommunMessageMappers.json().readTree(file);
        } catch (JsonProcessingException e) {
            throw new InvalidConfirmationException(List.of("the file is not JSON (line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")"));
        } catch (IOException e) {
            throw new InvalidConfirmationException(List.of("the file could not be read"));
        }
        if (node == null || !node.isObject()) {
            throw new InvalidConfirmationException(List.of("the file is not one JSON object"));
        }
        List<String> problems = new ArrayList<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!MEMBERS.contains(name)) {
                problems.add("unexpected member (only hubReference and authorityReference are allowed)");
                break;
            }
        }
        String hubReference = text(node, "hubReference");
        String authorityReference = text(node, "authorityReference");
        if (hubReference == null || !HUB_REFERENCE.matcher(hubReference).matches()) {
            problems.add("hubReference is required: the hub reference of the report (1-36 of A-Z a-z 0-9 . _ : -)");
        }
        String problem = problemWithAuthorityReference(authorityReference);
        if (problem != null) {
            problems.add(problem);
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfirmationException(problems);
        }
        return new AuthorityConfirmation(hubReference, authorityReference.strip());
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /** A confirmation that cannot be used; the message lists the problems without quoting the input. */
    public static final class InvalidConfirmationException extends RuntimeException {

        private final List<String> problems;

        public InvalidConfirmationException(List<String> problems) {
            super("Not a valid confirmation: " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
