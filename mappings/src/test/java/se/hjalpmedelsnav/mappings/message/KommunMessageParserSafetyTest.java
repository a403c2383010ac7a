package se.hjalpmedelsnav.mappings.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile and personal input: what the parser refuses to do with it, and what it never repeats. */
class KommunMessageParserSafetyTest {

    private static final KommunMessageParser PARSER = new KommunMessageParser(ParserLimits.defaults());
    private static final String NS = OrderBody.NAMESPACE;

    @Test
    void refusesControlCharactersInTextNamingTheFieldButNotTheText() {
        byte[] body = OrderBody.valid().with("orderer.name", "Fiktiva\u0000Arbetsterapeut").json();

        ParseResult result = PARSER.parse(body, "application/json");

        assertThat(result).isInstanceOf(ParseResult.Rejected.class);
        var errors = ((ParseResult.Rejected) result).errors();
        assertThat(errors).extracting(ContractError::code, ContractError::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ErrorCode.SCHEMA_INVALID, "orderer.name"));
        assertThat(errors.get(0).message()).doesNotContain("Fiktiva");
    }

    @Test
    void refusesABillionLaughsDoctypeWithoutExpandingAnEntity() {
        String lols = "<?xml version=\"1.0\"?>\n<!DOCTYPE order [\n <!ENTITY lol \"lol\">\n"
                + " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
                + " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
                + " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
                + " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
                + " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
                + " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
                + " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
                + " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
                + " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
                + "]>\n<order xmlns=\"" + NS + "\"><type>ORDER</type><messageId>&lol9;</messageId></order>";

        ParseResult.Rejected rejected = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> rejected(PARSER.parse(lols.getBytes(StandardCharsets.UTF_8), null)));

        assertThat(rejected.errors()).containsExactly(ContractError.of(ErrorCode.MALFORMED, "DTDs are not allowed"));
        assertThat(rejected.messageId()).isNull();
    }

    @Test
    void refusesExternalEntitiesAndAnExternalDtdWithoutFetchingThem(@TempDir Path folder) throws IOException {
        Path secret = Files.writeString(folder.resolve("secret.txt"), "SECRET-FROM-DISK");
        AtomicInteger fetches = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            fetches.incrementAndGet();
            byte[] answer = "<!ENTITY remote \"SECRET-FROM-NETWORK\">".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        try {
            String remote = "http://127.0.0.1:" + server.getAddress().getPort() + "/evil.dtd";
            List<String> bodies = List.of(
                    "<!DOCTYPE order [<!ENTITY file SYSTEM \"" + secret.toUri() + "\">]>"
                            + "<order xmlns=\"" + NS + "\"><type>ORDER</type><messageId>&file;</messageId></order>",
                    "<!DOCTYPE order [<!ENTITY % dtd SYSTEM \"" + remote + "\"> %dtd;]>"
                            + "<order xmlns=\"" + NS + "\"><note>&remote;</note></order>",
                    "<!DOCTYPE order SYSTEM \"" + remote + "\"><order xmlns=\"" + NS + "\"><note>&remote;</note></order>");

            for (String body : bodies) {
                ParseResult.Rejected rejected = rejected(PARSER.parse(body.getBytes(StandardCharsets.UTF_8), null));

                assertThat(rejected.errors()).containsExactly(
                        ContractError.of(ErrorCode.MALFORMED, "DTDs are not allowed"));
                assertThat(rejected.toString()).doesNotContain("SECRET");
            }
            assertThat(fetches).hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void doesNotFollowAnXInclude(@TempDir Path folder) throws IOException {
        Path secret = Files.writeString(folder.resolve("part.xml"),
                "<messageId xmlns=\"" + NS + "\">SECRET-INCLUDED</messageId>");
        String body = new String(OrderBody.valid().xml(), StandardCharsets.UTF_8).replace(
                "<messageId>1480-2026-000123</messageId>",
                "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"" + secret.toUri() + "\"/>");

        ParseResult.Rejected rejected = rejected(PARSER.parse(body.getBytes(StandardCharsets.UTF_8), null));

        assertThat(rejected.errors()).extracting(ContractError::code).containsOnly(ErrorCode.SCHEMA_INVALID);
        assertThat(rejected.toString()).doesNotContain("SECRET");
    }

    @Test
    void ignoresAnXsiSchemaLocationPointingElsewhere() {
        String body = new String(OrderBody.valid().xml(), StandardCharsets.UTF_8).replace(
                "<order xmlns=\"" + NS + "\">",
                "<order xmlns=\"" + NS + "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                        + " xsi:schemaLocation=\"" + NS + " http://127.0.0.1:9/lax.xsd\">");

        ParseResult result = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> PARSER.parse(body.getBytes(StandardCharsets.UTF_8), null));

        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
    }

    static Stream<Arguments> bodiesWithPersonalDataInTheWrongPlace() {
        String pin = OrderBody.PERSONAL_IDENTITY_NUMBER;
        String name = OrderBody.RECIPIENT_NAME;
        String json = new String(OrderBody.valid().json(), StandardCharsets.UTF_8);
        String xml = new String(OrderBody.valid().xml(), StandardCharsets.UTF_8);
        return Stream.of(
                personal("JSON: number in messageId", OrderBody.valid().with("messageId", "pnr " + pin).json()),
                personal("JSON: number as kommunCode", OrderBody.valid().with("kommunCode", pin).json()),
                personal("JSON: number as process", OrderBody.valid().with("decision.process", pin).json()),
                personal("JSON: number as quantity", OrderBody.valid().with("lines[0].quantity", pin).json()),
                personal("JSON: number as sentAt", OrderBody.valid().with("sentAt", pin).json()),
                personal("JSON: number as postal code", OrderBody.valid().with("delivery.address.postalCode", pin)
                        .json()),
                personal("JSON: number as a member name", OrderBody.valid().with("recipient.p" + pin, 1).json()),
                personal("JSON: number with letters", OrderBody.valid()
                        .with("recipient.personalIdentityNumber", pin + "X").json()),
                personal("JSON: name as type", OrderBody.valid().with("type", name).json()),
                personal("JSON: name as messageId", OrderBody.valid().with("messageId", name).json()),
                personal("JSON: name as protection", OrderBody.valid().with("recipient.protection", name).json()),
                personal("JSON: name too long", OrderBody.valid().with("recipient.name", name.repeat(20)).json()),
                personal("JSON: name as risk analysis", OrderBody.valid().with("riskAnalysisDone", name).json()),
                personal("JSON: broken right after the number", json.substring(0, json.indexOf(pin) + pin.length())
                        .getBytes(StandardCharsets.UTF_8)),
                personal("JSON: number unquoted", json.replace("\"" + pin + "\"", pin)
                        .getBytes(StandardCharsets.UTF_8)),
                personal("JSON: name unquoted", json.replace("\"" + name + "\"", name)
                        .getBytes(StandardCharsets.UTF_8)),
                personal("JSON: name twice", json.replace("\"name\":\"" + name + "\"",
                        "\"name\":\"" + name + "\",\"name\":\"" + name + "\"").getBytes(StandardCharsets.UTF_8)),
                personal("XML: number in messageId", OrderBody.valid().with("messageId", "pnr " + pin).xml()),
                personal("XML: number as kommunCode", OrderBody.valid().with("kommunCode", pin).xml()),
                personal("XML: number as process", OrderBody.valid().with("decision.process", pin).xml()),
                personal("XML: number as quantity", OrderBody.valid().with("lines[0].quantity", pin).xml()),
                personal("XML: number as sentAt", OrderBody.valid().with("sentAt", pin).xml()),
                personal("XML: number as decidedAt", OrderBody.valid().with("decision.decidedAt", pin).xml()),
                personal("XML: number as an element name", OrderBody.valid().with("recipient.p" + pin.replace("-", ""),
                        1).xml()),
                personal("XML: name as protection", OrderBody.valid().with("recipient.protection", name).xml()),
                personal("XML: name too long", OrderBody.valid().with("recipient.name", name.repeat(20)).xml()),
                personal("XML: name as risk analysis", OrderBody.valid().with("riskAnalysisDone", name).xml()),
                personal("XML: name as an attribute", xml.replace("<recipient>", "<recipient who=\"" + name + "\">")
                        .getBytes(StandardCharsets.UTF_8)),
                personal("XML: name as text of an element holding elements",
                        xml.replace("<recipient>", "<recipient>" + name).getBytes(StandardCharsets.UTF_8)),
                personal("XML: broken right after the number", xml.substring(0, xml.indexOf(pin) + pin.length())
                        .getBytes(StandardCharsets.UTF_8)),
                personal("XML: number in a broken tag", xml.replace("</personalIdentityNumber>",
                        "</personalIdentityNumber " + pin + ">").getBytes(StandardCharsets.UTF_8)));
    }

    private static Arguments personal(String name, byte[] body) {
        return arguments(named(name, body));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodiesWithPersonalDataInTheWrongPlace")
    void noRejectionRepeatsThePersonalIdentityNumberOrName(byte[] body) {
        ParseResult.Rejected rejected = rejected(PARSER.parse(body, null));

        assertThat(rejected.errors()).isNotEmpty();
        assertThat(rejected.toString())
                .doesNotContain("121212")
                .doesNotContain("Tolvan")
                .doesNotContain("Tolvansson");
    }

    @Test
    void parsesSafelyFromManyThreadsAtOnce() throws Exception {
        List<byte[]> bodies = List.of(
                OrderBody.valid().json(),
                OrderBody.valid().xml(),
                OrderBody.valid().without("orderer.role").with("lines[1].quantity", 0).json(),
                OrderBody.valid().without("orderer.role").with("lines[1].quantity", 0).xml(),
                OrderBody.valid().with("delivery.target", "BUFFER_STORE").without("delivery.address").xml(),
                "<order xmlns=\"urn:x\"/>".getBytes(StandardCharsets.UTF_8));
        List<ParseResult> expected = bodies.stream().map(body -> PARSER.parse(body, null)).toList();
        KommunMessageParser shared = new KommunMessageParser(ParserLimits.defaults());
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<ParseResult>>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                runs.add(pool.submit(() -> {
                    start.await();
                    List<ParseResult> results = new ArrayList<>();
                    for (int i = 0; i < 300; i++) {
                        results.add(shared.parse(bodies.get((i + offset) % bodies.size()), null));
                    }
                    return results;
                }));
            }
            start.countDown();
            for (int t = 0; t < threads; t++) {
                List<ParseResult> results = runs.get(t).get(60, TimeUnit.SECONDS);
                for (int i = 0; i < results.size(); i++) {
                    assertThat(results.get(i)).isEqualTo(expected.get((i + t) % bodies.size()));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static ParseResult.Rejected rejected(ParseResult result) {
        assertThat(result).as("parse result").isInstanceOf(ParseResult.Rejected.class);
        return (ParseResult.Rejected) result;
    }
}
