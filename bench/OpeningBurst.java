import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The national opening of applications: every school at once. Fires all requests together (each from its own
 * virtual thread, released by one latch), first a burst of reads of the Work Group as the baseline, then one
 * application per school; prints latencies and answers by status. Then waits for the allocator, which places the
 * applications behind the answers, and checks its work: exactly as many accepted as there are places, the first to
 * arrive, and the others on a waiting list numbered 1..n without gaps in the order they arrived; and how long after
 * the last answer the last was placed.
 *
 * java bench/OpeningBurst.java GATEWAY WEBSITE_TOKEN HUB_ADMIN_TOKEN WORK_GROUP_ID PLACES URN...
 *
 * With -Dphase=reads or -Dphase=applications, that burst only (see {@link #only}): bench/cpu-per-application.sh
 * measures the platform's CPU around each.
 */
public class OpeningBurst {

    record Answer(int status, long nanos) {
    }

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        String website = args[1];
        String hubAdmin = args[2];
        String group = args[3];
        int places = Integer.parseInt(args[4]);
        List<String> urns = Arrays.asList(args).subList(5, args.length);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30)).build();

        List<HttpRequest> reads = urns.stream().map(urn -> HttpRequest.newBuilder(URI.create(gateway + "/api/v1/work-groups/" + group))
                .timeout(Duration.ofSeconds(60)).GET().build()).toList();
        List<HttpRequest> applications = urns.stream().map(urn -> HttpRequest.newBuilder(
                        URI.create(gateway + "/api/v1/work-groups/" + group + "/applications"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + website).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(urn))).build()).toList();
        String phase = System.getProperty("phase", "both");
        if (!phase.equals("both")) {
            only(phase, client, phase.equals("reads") ? reads : applications);
        }

        List<Answer> baseline = burst(client, reads);
        report("baseline: " + urns.size() + " simultaneous reads of the Work Group", baseline);

        List<Answer> burst = burst(client, applications);
        report("burst: " + urns.size() + " simultaneous applications", burst);

        // The allocator places them behind the answers: the hub's list (in arrival order) until none is left SUBMITTED.
        long lastAnswer = System.nanoTime();
        String body;
        do {
            body = everyPage(client, gateway + "/api/v1/work-groups/" + group + "/applications?size=1000", hubAdmin);
        } while (body.contains("\"status\":\"SUBMITTED\"") && System.nanoTime() - lastAnswer < Duration.ofSeconds(120).toNanos()
                && pause(Duration.ofMillis(250)));
        double allocatedAfter = (System.nanoTime() - lastAnswer) / 1e9;
        // Placed ones only: a school that already took part (in an earlier run on this platform) is INELIGIBLE.
        List<String> statuses = new ArrayList<>();
        Matcher s = Pattern.compile("\"status\":\"(ACCEPTED|WAITLISTED)\"").matcher(body);
        while (s.find()) {
            statuses.add(s.group(1));
        }
        long accepted = statuses.stream().filter("ACCEPTED"::equals).count();
        // Arrival order: the first schools in the list have the places, the rest wait in the list's order.
        boolean inArrivalOrder = statuses.size() >= places && statuses.subList(0, places).stream().allMatch("ACCEPTED"::equals)
                && statuses.subList(places, statuses.size()).stream().allMatch("WAITLISTED"::equals);
        List<Integer> positions = new ArrayList<>();
        Matcher m = Pattern.compile("\"waitingListPosition\":(\\d+)").matcher(body);
        while (m.find()) {
            positions.add(Integer.parseInt(m.group(1)));
        }
        boolean gapless = true;
        for (int i = 0; i < positions.size(); i++) {
            gapless &= positions.get(i) == i + 1; // in list order, so also in arrival order
        }
        long answered = burst.stream().filter(a -> a.status() > 0).count();
        long serverErrors = burst.stream().filter(a -> a.status() >= 500 || a.status() == 0).count();
        boolean ok = accepted == places && positions.size() == statuses.size() - places && gapless && inArrivalOrder && serverErrors == 0;
        System.out.printf("allocation: %d accepted of %d places, waiting list %d (positions 1..%d %s), %s, all placed %.1f s after the last answer; answered %d of %d, 5xx or no answer %d: %s%n",
                accepted, places, positions.size(), positions.size(), gapless ? "without gaps" : "WITH GAPS",
                inArrivalOrder ? "in arrival order" : "NOT IN ARRIVAL ORDER", allocatedAfter, answered,
                urns.size(), serverErrors, ok ? "OK" : "FAILED");
        System.out.printf("RESULT opening-burst: %d schools, p50 %.1f ms, p99 %.1f ms; baseline reads p50 %.1f ms, p99 %.1f ms; p99 ratio %.2fx (target <= 2x); all placed %.1f s after the last answer (target <= 10 s); %d accepted of %d places, %s%n",
                urns.size(), percentile(burst, 50), percentile(burst, 99), percentile(baseline, 50), percentile(baseline, 99),
                percentile(burst, 99) / percentile(baseline, 99), allocatedAfter, accepted, places,
                ok ? "allocation correct, in arrival order" : "ALLOCATION WRONG");
        System.exit(ok ? 0 : 1);
    }

    /**
     * One burst, and nothing else asked of the platform (no allocation check, no RESULT line). With -Dgo=FILE, creates
     * FILE.ready once set up and fires when FILE appears, so that whoever measures the platform leaves this JVM's start
     * out. Prints the answers and this process's CPU during the burst; exits 1 unless every answer is a 2xx.
     */
    static void only(String phase, HttpClient client, List<HttpRequest> requests) throws Exception {
        String go = System.getProperty("go");
        if (go != null) {
            Path file = Path.of(go);
            // Told by the file's creation, not by polling for it.
            try (WatchService watch = file.getFileSystem().newWatchService()) {
                file.toAbsolutePath().getParent().register(watch, StandardWatchEventKinds.ENTRY_CREATE);
                Files.createFile(Path.of(go + ".ready"));
                while (!Files.exists(file)) {
                    watch.poll(100, TimeUnit.MILLISECONDS);
                }
            }
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        List<Answer> answers = burst(client, requests);
        double cpuMs = (os.getProcessCpuTime() - cpu) / 1e6;
        report(requests.size() + " simultaneous " + phase, answers);
        System.out.printf("load generator: %.0f ms CPU during the burst%n", cpuMs);
        System.exit(answers.stream().allMatch(a -> a.status() >= 200 && a.status() < 300) ? 0 : 1);
    }

    /** Waits before the next look, on a scheduler rather than a sleeping thread. */
    static boolean pause(Duration duration) {
        CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(duration.toMillis(), TimeUnit.MILLISECONDS)).join();
        return true;
    }

    static List<Answer> burst(HttpClient client, List<HttpRequest> requests) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Answer>> answers = new ArrayList<>();
            for (HttpRequest request : requests) {
                answers.add(threads.submit(() -> {
                    go.await();
                    long start = System.nanoTime();
                    try {
                        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        return new Answer(status, System.nanoTime() - start);
                    } catch (java.io.IOException e) {
                        return new Answer(0, System.nanoTime() - start);
                    }
                }));
            }
            go.countDown();
            List<Answer> result = new ArrayList<>();
            for (Future<Answer> answer : answers) {
                result.add(answer.get());
            }
            return result;
        }
    }

    static void report(String what, List<Answer> answers) {
        Map<Integer, Integer> byStatus = new TreeMap<>();
        answers.forEach(a -> byStatus.merge(a.status(), 1, Integer::sum));
        System.out.printf("%s: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; answers by status %s%n", what,
                percentile(answers, 50), percentile(answers, 90), percentile(answers, 99), percentile(answers, 100), byStatus);
    }

    static double percentile(List<Answer> answers, int p) {
        long[] sorted = answers.stream().mapToLong(Answer::nanos).sorted().toArray();
        int index = Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[index] / 1_000_000.0;
    }

    static long count(String text, String needle) {
        long n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    static String form(String urn) {
        return """
                {"school": {"urn": "%1$s", "name": "Bench Primary %1$s", "address": "1 School Lane, Wolverhampton",
                  "telephone": "01902 556360", "localAuthority": "Wolverhampton"},
                 "headteacher": {"name": "Ann Head", "email": "head%1$s@school.example"},
                 "mainContact": {"name": "Sam Lead", "email": "sam%1$s@school.example", "trn": "1234567", "schoolRoles": "Maths lead"},
                 "leadTeachers": [
                   {"role": "LEAD_TEACHER_RECEPTION", "name": "Rita Reception", "email": "rita%1$s@school.example", "trn": "2345678", "schoolRoles": "Class teacher"},
                   {"role": "LEAD_TEACHER_YEAR_1", "name": "Yusuf One", "email": "yusuf%1$s@school.example", "trn": "3456789", "schoolRoles": "Class teacher"},
                   {"role": "LEAD_TEACHER_YEAR_2", "name": "Yolanda Two", "email": "yolanda%1$s@school.example", "trn": "4567890", "schoolRoles": "Class teacher"},
                   {"role": "MATHS_LEAD", "name": "Sam Lead", "email": "sam%1$s@school.example", "trn": "1234567", "schoolRoles": "Maths lead"}],
                 "headteacherStatement": "Our children need secure number sense before Key Stage 2."}""".formatted(urn);
    }

    /** Every page of a list, one after the other (the items' JSON, concatenated: this reads it with patterns). */
    static String everyPage(HttpClient client, String list, String token) throws Exception {
        StringBuilder all = new StringBuilder();
        Pattern next = Pattern.compile("\"next\":\"([^\"]+)\"");
        String cursor = null;
        do {
            String page = client.send(HttpRequest.newBuilder(URI.create(list + (cursor == null ? "" : "&cursor=" + cursor)))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            all.append(page);
            Matcher more = next.matcher(page);
            cursor = more.find() ? more.group(1) : null;
        } while (cursor != null);
        return all.toString();
    }
}
