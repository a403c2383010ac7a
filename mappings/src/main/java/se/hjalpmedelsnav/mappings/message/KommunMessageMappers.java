package se.hjalpmedelsnav.mappings.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The Jackson mapper for the municipality contract's JSON, configured once and shared (it is
 * thread-safe): ISO-8601 dates, the sender's offset kept as sent, null members left out, exceptions
 * that never quote the body. The hub writes its receipts with it too, so what it reads and what it
 * writes agree. (Receipts are JSON whatever format the message came in, so there is no XML mapper.)
 */
public final class KommunMessageMappers {

    private static final ObjectMapper JSON = configure(JsonMapper.builder(JsonFactory.builder()
            // An exception's location must never quote the body: it may hold a personal identity number.
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build())).build();

    private KommunMessageMappers() {
    }

    public static ObjectMapper json() {
        return JSON;
    }

    /**
     * Reads JSON the hub wrote or already validated. If it cannot, the exception says where and what
     * kind of problem, never what was read: Jackson's own messages quote values, and this one may end
     * up as a dead-letter reason or in a log.
     */
    public static <T> T readTrusted(String body, Class<T> type) {
        try {
            return JSON.readValue(body, type);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new UnreadableMessageException(type.getSimpleName() + " could not be read ("
                    + e.getClass().getSimpleName() + (at == null ? "" : " at line " + at.getLineNr() + ", column "
                    + at.getColumnNr()) + ")");
        }
    }

    /** JSON the hub relied on could not be read; the message names the place, not the content. */
    public static final class UnreadableMessageException extends RuntimeException {
        public UnreadableMessageException(String message) {
            super(message);
        }
    }

    /** A JSON mapper configured like {@link #json()} on a factory of the caller's (for its read limits). */
    static ObjectMapper json(JsonFactory factory) {
        return configure(JsonMapper.builder(factory)).build();
    }

    private static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        return builder
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // 2026-11-23T10:15:00+01:00 stays +01:00 instead of becoming 09:15Z: the rules read the local day.
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                // isProtected(), isAccepted() are conveniences, not contract members: write record components only.
                .disable(MapperFeature.AUTO_DETECT_IS_GETTERS);
    }
}
