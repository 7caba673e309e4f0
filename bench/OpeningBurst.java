import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The national opening of applications: every school at once. Fires all requests together (each from its own
 * virtual thread, released by one latch), first a burst of reads of the Work Group as the baseline, then one
 * application per school; prints latencies, answers by status, and checks the allocation: exactly as many accepted
 * as there are places and a waiting list numbered 1..n without gaps.
 *
 * java bench/OpeningBurst.java GATEWAY WEBSITE_TOKEN HUB_ADMIN_TOKEN WORK_GROUP_ID PLACES URN...
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
        List<Answer> baseline = burst(client, reads);
        report("baseline: " + urns.size() + " simultaneous reads of the Work Group", baseline);

        List<HttpRequest> applications = urns.stream().map(urn -> HttpRequest.newBuilder(
                        URI.create(gateway + "/api/v1/work-groups/" + group + "/applications"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + website).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(urn))).build()).toList();
        List<Answer> burst = burst(client, applications);
        report("burst: " + urns.size() + " simultaneous applications", burst);

        HttpResponse<String> list = client.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/work-groups/" + group + "/applications"))
                .header("Authorization", "Bearer " + hubAdmin).GET().build(), HttpResponse.BodyHandlers.ofString());
        long accepted = count(list.body(), "\"status\":\"ACCEPTED\"");
        List<Integer> positions = new ArrayList<>();
        Matcher m = Pattern.compile("\"waitingListPosition\":(\\d+)").matcher(list.body());
        while (m.find()) {
            positions.add(Integer.parseInt(m.group(1)));
        }
        positions.sort(Integer::compare);
        boolean gapless = true;
        for (int i = 0; i < positions.size(); i++) {
            gapless &= positions.get(i) == i + 1;
        }
        long answered = burst.stream().filter(a -> a.status() > 0).count();
        long serverErrors = burst.stream().filter(a -> a.status() >= 500 || a.status() == 0).count();
        boolean ok = accepted == places && positions.size() == urns.size() - places && gapless && serverErrors == 0;
        System.out.printf("allocation: %d accepted of %d places, waiting list %d (positions 1..%d %s), answered %d of %d, 5xx or no answer %d: %s%n",
                accepted, places, positions.size(), positions.size(), gapless ? "without gaps" : "WITH GAPS", answered,
                urns.size(), serverErrors, ok ? "OK" : "FAILED");
        System.out.printf("RESULT opening-burst: p50 %.1f ms, p99 %.1f ms (target p99 <= 250 ms); baseline reads p50 %.1f ms, p99 %.1f ms; p99 ratio %.2fx; %d accepted of %d places, %s%n",
                percentile(burst, 50), percentile(burst, 99), percentile(baseline, 50), percentile(baseline, 99),
                percentile(burst, 99) / percentile(baseline, 99), accepted, places, ok ? "allocation correct" : "ALLOCATION WRONG");
        System.exit(ok ? 0 : 1);
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
}
