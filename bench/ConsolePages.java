import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hub console's pages against the API calls each one makes. Signs in as a hub admin on Keycloak's page (as a
 * browser does, with the session cookie kept by hand: Java's cookie store keeps Secure cookies off http://localhost),
 * then, round after round, asks for each page and, with a token of the same person, makes the page's own API calls
 * through the gateway the way the page makes them (calls that do not depend on each other together, the others one
 * after another). Prints one line per page: name, page p50, page p95, API p50, API p95 (milliseconds).
 *
 * Usage: java ConsolePages.java GATEWAY REALM_URL USER WORK_GROUP SESSION APPLICATION WARMUP ROUNDS
 */
public class ConsolePages {

    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final Map<String, String> COOKIES = new LinkedHashMap<>();

    record Page(String name, String path, List<List<String>> apiCalls) {
    }

    public static void main(String[] args) throws Exception {
        String gateway = args[0], realm = args[1], user = args[2], group = args[3], session = args[4], application = args[5];
        int warmup = Integer.parseInt(args[6]), rounds = Integer.parseInt(args[7]);
        signIn(gateway, user);
        String token = token(realm, user);
        // Each page and its API calls: the inner lists go out together, one list after the other.
        List<Page> pages = List.of(
                new Page("work-groups", "/console/work-groups", List.of(List.of("/api/v1/work-groups?hub=CENTRAL&size=100"))),
                new Page("work-group", "/console/work-groups/" + group, List.of(List.of("/api/v1/work-groups/" + group,
                        "/api/v1/work-groups/" + group + "/applications?size=1000"))),
                new Page("application", "/console/applications/" + application, List.of(
                        List.of("/api/v1/applications/" + application), List.of("/api/v1/work-groups/" + group))),
                new Page("sessions", "/console/work-groups/" + group + "/sessions", List.of(List.of("/api/v1/work-groups/" + group,
                        "/api/v1/work-groups/" + group + "/sessions?size=1000", "/api/v1/work-groups/" + group + "/session-plan"))),
                new Page("register", "/console/sessions/" + session + "/register", List.of(List.of("/api/v1/sessions/" + session,
                        "/api/v1/sessions/" + session + "/attendance?size=1000"))),
                new Page("completion", "/console/work-groups/" + group + "/completion", List.of(List.of(
                        "/api/v1/work-groups/" + group, "/api/v1/work-groups/" + group + "/completion"))));
        // Round after round, every page in turn: each page and its API calls meet the machine in the same state
        // (the platform settling after its start, the JIT compiling), not the first page alone its coldest minutes.
        long[][] pageTimes = new long[pages.size()][rounds];
        long[][] apiTimes = new long[pages.size()][rounds];
        for (int round = -warmup; round < rounds; round++) {
            for (int p = 0; p < pages.size(); p++) {
                Page page = pages.get(p);
                long start = System.nanoTime();
                HttpResponse<String> answer = get(gateway + page.path(), cookieHeader(), null);
                long pageTime = System.nanoTime() - start;
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException(page.path() + " answered " + answer.statusCode());
                }
                start = System.nanoTime();
                for (List<String> together : page.apiCalls()) {
                    CompletableFuture.allOf(together.stream().map(path -> HTTP.sendAsync(HttpRequest.newBuilder(
                            URI.create(gateway + path)).header("Authorization", "Bearer " + token).build(),
                            HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
                                if (r.statusCode() != 200) {
                                    throw new IllegalStateException(path + " answered " + r.statusCode());
                                }
                                return r;
                            })).toArray(CompletableFuture[]::new)).join();
                }
                long apiTime = System.nanoTime() - start;
                if (round >= 0) {
                    pageTimes[p][round] = pageTime;
                    apiTimes[p][round] = apiTime;
                }
            }
        }
        for (int p = 0; p < pages.size(); p++) {
            System.out.printf("%s %.1f %.1f %.1f %.1f%n", pages.get(p).name(), percentile(pageTimes[p], 50),
                    percentile(pageTimes[p], 95), percentile(apiTimes[p], 50), percentile(apiTimes[p], 95));
        }
    }

    /** Keycloak's sign-in as a browser goes through it: the console's redirect, the form, the code back to the console. */
    static void signIn(String gateway, String user) throws Exception {
        HttpResponse<String> toKeycloak = get(gateway + "/console/work-groups", cookieHeader(), null);
        String login = toKeycloak.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> form = get(login, "", null);
        Map<String, String> keycloak = new LinkedHashMap<>();
        keep(form, keycloak);
        Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(form.body());
        if (!action.find()) {
            throw new IllegalStateException("no sign-in form at " + login);
        }
        String body = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo-password";
        HttpResponse<String> signedIn = HTTP.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", header(keycloak))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        String back = signedIn.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException("sign-in refused"));
        HttpResponse<String> session = get(back, cookieHeader(), null);
        if (session.statusCode() != 302 || !COOKIES.keySet().stream().anyMatch(name -> name.startsWith("q_session"))) {
            throw new IllegalStateException("no console session after signing in: " + session.statusCode());
        }
    }

    static String token(String realm, String user) throws Exception {
        String body = "grant_type=password&client_id=maths-hubs-cli&username=" + user + "&password=demo-password";
        String json = HTTP.send(HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(json);
        if (!token.find()) {
            throw new IllegalStateException("no token for " + user);
        }
        return token.group(1);
    }

    static HttpResponse<String> get(String url, String cookies, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (url.contains("/console")) {
            keep(answer, COOKIES);
        }
        return answer;
    }

    static void keep(HttpResponse<?> answer, Map<String, String> jar) {
        for (String cookie : answer.headers().allValues("Set-Cookie")) {
            String pair = cookie.split(";", 2)[0];
            int equals = pair.indexOf('=');
            String name = pair.substring(0, equals);
            String value = pair.substring(equals + 1);
            if (value.isEmpty() || cookie.toLowerCase().contains("max-age=0")) {
                jar.remove(name);
            } else {
                jar.put(name, value);
            }
        }
    }

    static String cookieHeader() {
        return header(COOKIES);
    }

    static String header(Map<String, String> jar) {
        List<String> pairs = new ArrayList<>();
        jar.forEach((name, value) -> pairs.add(name + "=" + value));
        return String.join("; ", pairs);
    }

    static double percentile(long[] nanos, int percent) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }
}
