package se.hjalpmedelsnav.mappings.message;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import javax.xml.stream.XMLInputFactory;

/**
 * The Jackson mappers for the municipality contract, configured once and shared (they are
 * thread-safe): ISO-8601 dates, the sender's offset kept as sent, null members left out, exceptions
 * that never quote the body. The hub
 * writes its receipts with them too, so what it reads and what it writes agree.
 */
public final class KommunMessageMappers {

    private static final ObjectMapper JSON = configure(JsonMapper.builder(JsonFactory.builder()
            // An exception's location must never quote the body: it may hold a personal identity number.
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build())).build();
    private static final XmlMapper XML = configure(XmlMapper.builder(secureXmlFactory())).build();

    private KommunMessageMappers() {
    }

    public static ObjectMapper json() {
        return JSON;
    }

    public static XmlMapper xml() {
        return XML;
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

    private static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B configure(B builder) {
        return builder
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // 2026-11-23T10:15:00+01:00 stays +01:00 instead of becoming 09:15Z: the rules read the local day.
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                // isProtected(), isAccepted() are conveniences, not contract members: write record components only.
                .disable(MapperFeature.AUTO_DETECT_IS_GETTERS);
    }

    /** Woodstox without DTDs or external entities, whoever later reads XML with the shared mapper. */
    private static XmlFactory secureXmlFactory() {
        XMLInputFactory input = new WstxInputFactory();
        input.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        input.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        input.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, ParserLimits.defaults().maxDepth());
        input.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, ParserLimits.defaults().maxBytes());
        return XmlFactory.builder()
                .xmlInputFactory(input)
                // An exception's location must never quote the body: it may hold a personal identity number.
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
    }
}
