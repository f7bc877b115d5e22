package dev.br2k.robustness.isolation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.br2k.robustness.workload.PreparedRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs inside the isolated leader's network namespace ({@code ip netns exec}): sends the prepared reads
 * and writes straight to that replica, one at a time, without following redirects, until the given
 * wall-clock time (but at least one write and one read, however late its JVM started on a loaded machine:
 * the link stays down until this client has ended), and prints one JSON {@link IsolatedAnswer} per line.
 * Arguments: {@code <replica URL> <end, epoch ms> <requests JSON file>} (a list of {@link ProbeRequest}).
 */
public final class IsolatedClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(1);

    private IsolatedClient() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 3) {
            System.err.println("usage: IsolatedClient <replica URL> <end, epoch ms> <requests JSON file>");
            System.exit(2);
        }
        URI target = URI.create(args[0]);
        long endMillis = Long.parseLong(args[1]);
        List<ProbeRequest> requests = JSON.readValue(Path.of(args[2]).toFile(), new TypeReference<>() { });
        HttpClient http = HttpClient.newBuilder().connectTimeout(ATTEMPT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        for (int i = 0; (i < 2 || System.currentTimeMillis() < endMillis) && i < requests.size(); i++) {
            ProbeRequest p = requests.get(i);
            PreparedRequest r = p.request();
            int status = 0;
            String detail;
            try {
                HttpRequest.Builder b = HttpRequest.newBuilder(target.resolve(r.path())).timeout(ATTEMPT_TIMEOUT)
                        .header("Br2k-Request-Id", r.requestId())
                        .method(r.method(), r.body().isEmpty() ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(r.body()));
                r.headers().forEach(b::header);
                HttpResponse<String> res = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                status = res.statusCode();
                detail = res.body().substring(0, Math.min(200, res.body().length()));
            } catch (IOException e) {
                detail = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            System.out.println(JSON.writeValueAsString(new IsolatedAnswer(p.write(), r.requestId(), status, detail)));
            System.out.flush();
            Thread.sleep(100);
        }
    }

}
