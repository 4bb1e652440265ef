package dev.gazette.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The preview's {@code /__gazette/events} stream read as a browser would: lines, grouped into
 * events, parsed on a background thread so that the test can wait for a state with a deadline.
 */
final class EventStream implements AutoCloseable {

    /** One {@code state} event. */
    record State(long version, List<String> problems) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<State> states = new LinkedBlockingQueue<>();
    private final List<State> seen = new ArrayList<>();
    private final Thread reader;

    private EventStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(this::read, "test-event-stream");
        this.reader.setDaemon(true);
    }

    static EventStream open(URI uri) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET().build();
        try {
            HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200
                    || !response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
                response.body().close();
                throw new AssertionError("not an event stream: " + response.statusCode() + " " + response.headers());
            }
            EventStream stream = new EventStream(response);
            stream.reader.start();
            return stream;
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void read() {
        String event = null;
        StringBuilder data = new StringBuilder();
        try (Stream<String> lines = response.body()) {
            for (var it = lines.iterator(); it.hasNext(); ) {
                String line = it.next();
                if (line.isEmpty()) {
                    if ("state".equals(event)) {
                        states.add(parse(data.toString()));
                    }
                    event = null;
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.length() == 0 ? "" : "\n").append(line.substring(5).strip());
                }
                // "retry:" and ": ping" comment lines need nothing here.
            }
        } catch (RuntimeException e) {
            // The stream was closed by the test or the server: nothing more will come.
        }
    }

    private static State parse(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            List<String> problems = new ArrayList<>();
            node.get("problems").forEach(p -> problems.add(p.asText()));
            return new State(node.get("version").asLong(), problems);
        } catch (IOException e) {
            throw new UncheckedIOException("bad state event: " + json, e);
        }
    }

    /** The next state event for which {@code check} holds; earlier ones are skipped. */
    State await(String what, Predicate<State> check) {
        long deadline = System.nanoTime() + RunningPreview.PATIENCE.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            State state;
            try {
                state = left <= 0 ? null : states.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (state == null) {
                throw new AssertionError("no state event " + what + " within " + RunningPreview.PATIENCE.toSeconds()
                        + " s; received " + seen);
            }
            seen.add(state);
            if (check.test(state)) {
                return state;
            }
        }
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }
}
