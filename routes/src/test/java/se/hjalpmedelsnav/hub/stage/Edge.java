package se.hjalpmedelsnav.hub.stage;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.mock.MockEndpoint;

/**
 * The party at a stage's edge (the supplier's API, a folder, a queue, the municipality), played by a mock endpoint
 * the test weaves in where the stage would send: it takes every attempt unless told to refuse the next ones, as
 * that party would. An HTTP party answers (201, or 503 to refuse, or 422 to refuse for good) and the stage's own
 * code reads the answer; any other party refuses by failing the send.
 */
final class Edge implements Processor {

    private final String uri;
    private final boolean http;
    private final String refusal;
    private final AtomicInteger refuseNext = new AtomicInteger();
    private volatile boolean refuseAlways;
    private volatile boolean refuseForGood;
    private final List<Exchange> taken = new CopyOnWriteArrayList<>();
    private MockEndpoint mock;

    private Edge(String uri, boolean http, String refusal) {
        this.uri = uri;
        this.http = http;
        this.refusal = refusal;
    }

    /** A party over HTTP: the stage decides what its answer means. */
    static Edge http(String name) {
        return new Edge("mock:" + name, true, "HTTP 503");
    }

    /** A party whose refusal is a failed send, with that reason. */
    static Edge failingWith(String name, String reason) {
        return new Edge("mock:" + name, false, reason + " (test fault)");
    }

    String uri() {
        return uri;
    }

    /** What the stage's failure reason names when this party refuses. */
    String refusal() {
        return refusal;
    }

    /** Takes everything from now on, and forgets what it saw. */
    void reset(CamelContext camel) {
        refuseNext.set(0);
        refuseAlways = false;
        refuseForGood = false;
        taken.clear();
        mock = camel.getEndpoint(uri, MockEndpoint.class);
        mock.reset();
        mock.whenAnyExchangeReceived(this);
    }

    void refuseNext(int attempts) {
        refuseNext.set(attempts);
    }

    void refuseAlways() {
        refuseAlways = true;
    }

    /** An HTTP party's refusal no retry can change (422). */
    void refuseForGood() {
        if (!http) {
            throw new IllegalStateException(uri + " has no refusal for good");
        }
        refuseForGood = true;
    }

    /** Takes everything from now on (it is back). */
    void takeEverything() {
        refuseNext.set(0);
        refuseAlways = false;
        refuseForGood = false;
    }

    /** Every attempt that reached this party, taken or refused. */
    int attempts() {
        return mock.getReceivedCounter();
    }

    /** The exchanges this party took. */
    List<Exchange> taken() {
        return List.copyOf(taken);
    }

    @Override
    public void process(Exchange exchange) {
        boolean refuse = refuseAlways || refuseForGood || refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        if (http) {
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, refuseForGood ? 422 : refuse ? 503 : 201);
            exchange.getMessage().setBody(refuse ? "{\"code\":\"TEST\",\"message\":\"refused by the test\"}" : "{}");
        } else if (refuse) {
            throw new IllegalStateException(refusal);
        }
        if (!refuse) {
            taken.add(exchange.copy());
        }
    }
}
