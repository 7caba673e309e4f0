import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Applications at a steady rate: one every 1/RATE seconds, each on its own virtual thread, whatever the earlier ones
 * are doing (an open model, as schools do not wait for each other). Prints how many were accepted.
 *
 * java bench/SteadyApplications.java GATEWAY WEBSITE_TOKEN WORK_GROUP_ID RATE_PER_SECOND URN...
 */
public class SteadyApplications {

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        String website = args[1];
        String group = args[2];
        double rate = Double.parseDouble(args[3]);
        List<String> urns = Arrays.asList(args).subList(4, args.length);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicInteger created = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long interval = (long) (1_000_000_000L / rate);
        long start = System.nanoTime();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < urns.size(); i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                String urn = urns.get(i);
                threads.submit(() -> {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/v1/work-groups/" + group + "/applications"))
                            .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + website)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(OpeningBurst.form(urn))).build();
                    try {
                        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        (status == 201 ? created : failed).incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("sent %d applications in %.1f s (%.1f/s): %d created, %d failed%n", urns.size(), seconds,
                urns.size() / seconds, created.get(), failed.get());
        System.exit(failed.get() == 0 ? 0 : 1);
    }
}
