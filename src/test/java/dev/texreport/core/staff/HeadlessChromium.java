package dev.texreport.core.staff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real headless Chromium (Debian's {@code chromium}) driven over the DevTools protocol, for tests of the staff
 * page: open a file, run JavaScript in it, take screenshots, and record every request the page makes (the
 * protocol's {@code Network.requestWillBeSent}, which also reports requests the page's policy then blocks).
 *
 * <p>Started with a fresh profile, no sandbox (tests run as root), and Chromium's own background traffic switched
 * off (component updates, sync, field trials), so that what the network log holds is the page's. The process and
 * everything it started are killed on {@link #close()}. This drives a browser, which the plugin's process runner
 * (run to completion) is not made for; it is test code only.
 */
public final class HeadlessChromium implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> consoleErrors = Collections.synchronizedList(new ArrayList<>());
    private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();

    public static boolean available() {
        return Files.isExecutable(BINARY);
    }

    public HeadlessChromium(int width, int height) throws IOException, InterruptedException {
        profile = Files.createTempDirectory("texreport-chromium");
        process = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--disable-extensions", "--disable-field-trial-config",
                "--no-default-browser-check", "--metrics-recording-only", "--hide-scrollbars",
                "--user-data-dir=" + profile, "--remote-debugging-port=0", "--window-size=" + width + "," + height,
                "about:blank").redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile())
                .start();
        Path port = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.isRegularFile(port) || Files.readAllLines(port).size() < 2) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                close();
                throw new IOException("Chromium did not start: " + Files.readString(profile.resolve("chromium.log")));
            }
            Thread.sleep(50);
        }
        String number = Files.readAllLines(port).get(0).strip();
        HttpClient http = HttpClient.newHttpClient();
        JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + number
                + "/json/list")).build(), HttpResponse.BodyHandlers.ofString()).body());
        String page = null;
        for (JsonNode target : targets) {
            if ("page".equals(target.path("type").asText())) {
                page = target.path("webSocketDebuggerUrl").asText();
                break;
            }
        }
        if (page == null) {
            close();
            throw new IOException("Chromium has no page to drive: " + targets);
        }
        socket = http.newWebSocketBuilder().buildAsync(URI.create(page), new Listener()).join();
        send("Network.enable", JSON.createObjectNode());
        send("Page.enable", JSON.createObjectNode());
        send("Runtime.enable", JSON.createObjectNode());
        send("Log.enable", JSON.createObjectNode());
    }

    /**
     * Opens the URL as a fresh document and waits for its load event (by way of about:blank, so that a URL that
     * differs from the current one only in its #fragment loads the page again instead of just scrolling).
     */
    public void open(String url) throws IOException {
        for (String next : List.of("about:blank", url)) {
            loaded = new CompletableFuture<>();
            send("Page.navigate", JSON.createObjectNode().put("url", next));
            loaded.orTimeout(30, TimeUnit.SECONDS).join();
        }
    }

    /** Evaluates JavaScript in the page (promises awaited) and returns its value as JSON. */
    public JsonNode evaluate(String expression) throws IOException {
        JsonNode result = send("Runtime.evaluate", JSON.createObjectNode().put("expression", expression)
                .put("returnByValue", true).put("awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IOException("JavaScript failed: " + result.path("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** A PNG of the page as it is laid out now (the whole page when {@code fullPage}). */
    public byte[] screenshot(boolean fullPage) throws IOException {
        ObjectNode params = JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", fullPage);
        if (fullPage) {
            JsonNode size = send("Page.getLayoutMetrics", JSON.createObjectNode()).path("cssContentSize");
            params.putObject("clip").put("x", 0).put("y", 0).put("width", size.path("width").asDouble())
                    .put("height", size.path("height").asDouble()).put("scale", 1);
        }
        return Base64.getDecoder().decode(send("Page.captureScreenshot", params).path("data").asText());
    }

    /** The page laid out for printing, as a PDF. */
    public byte[] printToPdf() throws IOException {
        return Base64.getDecoder().decode(send("Page.printToPDF", JSON.createObjectNode().put("preferCSSPageSize", true))
                .path("data").asText());
    }

    /** Lays the page out as for print (true) or screen (false). */
    public void emulatePrint(boolean print) throws IOException {
        send("Emulation.setEmulatedMedia", JSON.createObjectNode().put("media", print ? "print" : ""));
    }

    /** Every URL the page requested since the browser started, in order. */
    public List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Forgets the requests and console errors seen so far. */
    public void forget() {
        requests.clear();
        consoleErrors.clear();
    }

    /** Errors the page printed to its console or threw (a policy violation is one). */
    public List<String> consoleErrors() {
        synchronized (consoleErrors) {
            return List.copyOf(consoleErrors);
        }
    }

    private JsonNode send(String method, ObjectNode params) throws IOException {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        socket.sendText(JSON.writeValueAsString(message), true).join();
        JsonNode reply = answer.orTimeout(30, TimeUnit.SECONDS).join();
        if (reply.has("error")) {
            throw new IOException(method + ": " + reply.path("error"));
        }
        return reply.path("result");
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    handle(JSON.readTree(text));
                } catch (IOException e) {
                    consoleErrors.add("unreadable DevTools message: " + e.getMessage());
                }
            }
            webSocket.request(1);
            return null;
        }

        private void handle(JsonNode message) {
            if (message.has("id")) {
                CompletableFuture<JsonNode> answer = pending.remove(message.path("id").asInt());
                if (answer != null) {
                    answer.complete(message);
                }
                return;
            }
            JsonNode params = message.path("params");
            switch (message.path("method").asText()) {
                case "Network.requestWillBeSent" -> {
                    String url = params.path("request").path("url").asText();
                    if (!url.equals("about:blank")) {
                        requests.add(url);
                    }
                }
                case "Page.loadEventFired" -> loaded.complete(null);
                case "Runtime.exceptionThrown" -> consoleErrors.add(params.path("exceptionDetails").toString());
                case "Runtime.consoleAPICalled" -> {
                    if ("error".equals(params.path("type").asText())) {
                        consoleErrors.add(params.path("args").toString());
                    }
                }
                case "Log.entryAdded" -> consoleErrors.add(params.path("entry").toString());
                default -> { }
            }
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.abort();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var walk = Files.walk(profile)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
