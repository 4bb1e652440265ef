package dev.gazette.serve;

import dev.gazette.render.OutputFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Serves the last good build from memory over HTTP (Jetty). A rebuild swaps in a whole new set
 * of files at once, so a request never sees a half-written site, and only files of the site are
 * ever served: there is no path on disk to escape to.
 */
public final class PreviewServer implements AutoCloseable {

    static final String INTERNAL_PREFIX = "/__gazette/";
    private static final String SCRIPT_TAG = "<script src=\"" + INTERNAL_PREFIX + "live.js\" data-version=\"%d\"></script>";
    private static final byte[] LIVE_JS = loadScript();
    private static final byte[] WAITING = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>Waiting for a build</title></head><body><p>Gazette is waiting for the site to build."
            + "</p></body></html>").getBytes(StandardCharsets.UTF_8);

    /** A failure to start that the user can fix, such as a port already in use. */
    public static final class StartException extends Exception {
        private static final long serialVersionUID = 1L;

        StartException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private volatile String basePath;
    private final Server server;
    private final ServerConnector connector;
    private final LiveReload live = new LiveReload();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gazette-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private volatile Map<String, OutputFile> files = Map.of();
    private volatile long version;

    /**
     * @param basePath the path the site is published under ("/" or e.g. "/news/")
     */
    public PreviewServer(String bind, int port, String basePath) {
        this.basePath = basePath;
        QueuedThreadPool threads = new QueuedThreadPool(32, 2);
        threads.setName("gazette-http");
        threads.setDaemon(true);
        server = new Server(threads);
        connector = new ServerConnector(server);
        connector.setHost(bind);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new SiteHandler());
        server.setStopTimeout(1000);
    }

    /** Starts listening; fails with a plain message when the address cannot be used. */
    public void start() throws StartException {
        try {
            server.start();
        } catch (Exception e) {
            close();
            // Jetty wraps the BindException in an IOException ("Failed to bind to ...").
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof BindException) {
                    throw new StartException("port " + connector.getPort() + " on " + connector.getHost()
                            + " is already in use; stop the other server or choose another port with --port", e);
                }
            }
            throw new StartException("cannot listen on " + connector.getHost() + ":" + connector.getPort()
                    + ": " + e.getMessage(), e);
        }
        heartbeat.scheduleAtFixedRate(live::heartbeat, 15, 15, TimeUnit.SECONDS);
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** Changes the path the site is served under (after a config change). */
    public void setBasePath(String basePath) {
        this.basePath = basePath;
    }

    /** Serves {@code site} from now on and tells open tabs to reload. */
    public void publish(List<OutputFile> site) {
        Map<String, OutputFile> byPath = new HashMap<>();
        for (OutputFile file : site) {
            byPath.put(file.path(), file);
        }
        files = byPath;
        version++;
        live.publish(version, List.of());
    }

    /** Keeps serving the last good site and shows these problems over it in open tabs. */
    public void reportProblems(List<String> problems) {
        live.publish(version, problems);
    }


    @Override
    public void close() {
        heartbeat.shutdownNow();
        live.closeAll();
        try {
            server.stop();
        } catch (TimeoutException e) {
            // The graceful part of the stop outwaited an idle keep-alive connection (an open tab);
            // Jetty has closed it and stopped anyway.
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the preview server", e);
        }
    }

    private final class SiteHandler extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String method = request.getMethod();
            if (!HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method)) {
                Response.writeError(request, response, callback, 405);
                return true;
            }
            // Jetty has already decoded, normalised and checked the path: "..", encoded dots and
            // encoded slashes never reach this point (they are answered with 400).
            String path = Request.getPathInContext(request);
            // The version first: publish() swaps the files before it counts up, so a page is never
            // labelled newer than it is, and a tab that loaded it just before a rebuild still reloads.
            long shown = version;
            Map<String, OutputFile> site = files;
            if (path.startsWith(INTERNAL_PREFIX)) {
                internal(path.substring(INTERNAL_PREFIX.length()), request, response, callback);
                return true;
            }
            if (!path.startsWith(basePath)) {
                if (path.equals("/") || path.equals(basePath.substring(0, basePath.length() - 1))) {
                    Response.sendRedirect(request, response, callback, 302, basePath, true);
                } else {
                    notFound(request, response, callback, site, shown);
                }
                return true;
            }
            String relative = path.substring(basePath.length());
            OutputFile file = site.get(relative.isEmpty() || relative.endsWith("/") ? relative + "index.html" : relative);
            if (file == null && !relative.isEmpty() && !relative.endsWith("/")
                    && site.containsKey(relative + "/index.html")) {
                String query = request.getHttpURI().getQuery();
                Response.sendRedirect(request, response, callback, 301,
                        path + "/" + (query == null ? "" : "?" + query), true);
                return true;
            }
            if (file == null) {
                notFound(request, response, callback, site, shown);
                return true;
            }
            send(request, response, callback, 200, file, shown);
            return true;
        }

        private void internal(String name, Request request, Response response, Callback callback) {
            if (name.equals("events")) {
                live.open(response, callback);
            } else if (name.equals("live.js")) {
                write(request, response, callback, 200, "text/javascript;charset=utf-8", LIVE_JS);
            } else {
                Response.writeError(request, response, callback, 404);
            }
        }

        private void notFound(Request request, Response response, Callback callback,
                Map<String, OutputFile> site, long shown) {
            OutputFile page = site.get("404.html");
            if (site.isEmpty()) {
                // No good build yet: a page that shows the errors and reloads once the site builds.
                write(request, response, callback, 503, "text/html;charset=utf-8", withLiveReload(WAITING, shown));
            } else if (page == null) {
                Response.writeError(request, response, callback, 404);
            } else {
                send(request, response, callback, 404, page, shown);
            }
        }

        private void send(Request request, Response response, Callback callback, int status, OutputFile file,
                long shown) {
            byte[] bytes;
            try {
                bytes = file.bytes() != null ? file.bytes() : Files.readAllBytes(file.copyFrom());
            } catch (IOException e) {
                Response.writeError(request, response, callback, 404);
                return;
            }
            String type = contentType(file.path());
            if (type.startsWith("text/html")) {
                bytes = withLiveReload(bytes, shown);
            }
            write(request, response, callback, status, type, bytes);
        }

        private void write(Request request, Response response, Callback callback, int status, String type, byte[] body) {
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
            // A preview must always show the latest build.
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.getHeaders().put("X-Content-Type-Options", "nosniff");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            boolean head = HttpMethod.HEAD.is(request.getMethod());
            response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), callback);
        }
    }

    /** The content type for a file name, with UTF-8 for text. */
    static String contentType(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        String type = MimeTypes.DEFAULTS.getMimeByExtension(name);
        if (type == null) {
            String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT) : "";
            type = switch (ext) {
                case "woff2" -> "font/woff2";
                case "woff" -> "font/woff";
                case "webp" -> "image/webp";
                case "avif" -> "image/avif";
                case "webmanifest" -> "application/manifest+json";
                default -> "application/octet-stream";
            };
        }
        if ((type.startsWith("text/") || type.equals("application/json") || type.equals("application/xml")
                || type.equals("application/javascript") || type.endsWith("+xml") || type.endsWith("+json"))
                && !type.contains("charset")) {
            type += ";charset=utf-8";
        }
        return type;
    }

    /**
     * Adds the live-reload script before {@code </body>}: only in what the server sends, never on
     * disk. It carries the site version of the page, so the tab reloads if its event stream
     * connects only after a newer build was published.
     */
    static byte[] withLiveReload(byte[] html, long siteVersion) {
        String text = new String(html, StandardCharsets.UTF_8);
        String tag = String.format(java.util.Locale.ROOT, SCRIPT_TAG, siteVersion);
        int at = text.lastIndexOf("</body>");
        String out = at < 0 ? text + tag : text.substring(0, at) + tag + text.substring(at);
        return out.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] loadScript() {
        try (InputStream in = PreviewServer.class.getResourceAsStream("/dev/gazette/serve/live.js")) {
            if (in == null) {
                throw new IllegalStateException("live.js missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
