package dev.gazette.serve;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.FutureCallback;

/**
 * Server-sent events to open preview tabs. Each event carries the whole state: the site version
 * (a tab reloads when it changes) and the current build problems (shown as an overlay). A tab
 * that connects gets the state at once, so a tab opened on a broken build shows the overlay.
 */
final class LiveReload {

    /** One open event stream; writes to it are serialised. */
    private record Client(Response response, Callback done) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private volatile String state = stateJson(0, List.of());

    /** Opens a stream for this request and keeps it until the tab goes away. */
    void open(Response response, Callback callback) {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream;charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        Client client = new Client(response, callback);
        clients.add(client);
        send(client, "retry: 500\n" + event(state));
    }

    /** Publishes a new state to every tab. */
    void publish(long version, List<String> problems) {
        state = stateJson(version, problems);
        String event = event(state);
        for (Client client : clients) {
            send(client, event);
        }
    }

    /** A comment line that keeps idle connections open through proxies and timeouts. */
    void heartbeat() {
        for (Client client : clients) {
            send(client, ": ping\n\n");
        }
    }


    void closeAll() {
        for (Client client : clients) {
            clients.remove(client);
            client.done.succeeded();
        }
    }

    private void send(Client client, String text) {
        synchronized (client) {
            FutureCallback written = new FutureCallback();
            client.response.write(false, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), written);
            try {
                written.get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                // The tab was closed or is stuck: forget it.
                if (clients.remove(client)) {
                    client.done.failed(e);
                }
            }
        }
    }

    private static String event(String json) {
        return "event: state\ndata: " + json + "\n\n";
    }

    private static String stateJson(long version, List<String> problems) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("version", version);
        state.put("problems", problems);
        try {
            return JSON.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
