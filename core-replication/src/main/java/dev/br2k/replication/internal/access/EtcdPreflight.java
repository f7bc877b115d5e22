package dev.br2k.replication.internal.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.br2k.replication.EtcdAccessException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Checks the etcd credentials against the co-located member once, when the replica starts, so that a wrong CA,
 * a refused client certificate or a wrong password is one clear error instead of a role loop that never finds
 * etcd. A member that does not answer at all is not an error here (it may start after the replica).
 */
public final class EtcdPreflight {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EtcdPreflight() {
    }

    /**
     * @return empty when the member accepted the credentials, or a note (for the log) when it could not be reached
     * @throws EtcdAccessException when the member refused this replica's TLS or user, or this replica refused the member
     */
    public static Optional<String> check(EtcdAccess access, URI member, Duration timeout) throws InterruptedException {
        HttpClient http = access.httpClient(timeout);
        try {
            HttpResponse<String> status = post(http, member, "/v3/maintenance/status", "{}", timeout);
            if (status.statusCode() == 400 && status.body().contains("CommonName")) {
                throw new EtcdAccessException("etcd at " + member + " refuses the JSON gateway requests of a client"
                        + " certificate with a Common Name while its authentication is on (\"" + status.body().strip()
                        + "\"), and the replica reads its member's status through that gateway. Issue the client"
                        + " certificate in BR2K_ETCD_CERT_FILE without a Common Name (subject alternative names only);"
                        + " the etcd user comes from BR2K_ETCD_USER.");
            }
        } catch (SSLException e) {
            throw new EtcdAccessException(tlsProblem(member, e), e);
        } catch (java.net.ConnectException | java.net.http.HttpTimeoutException e) {
            return Optional.of(notAnswering(member, e));
        } catch (IOException e) {
            // Connected, then closed without an answer: under TLS 1.3 that may be the member refusing the client
            // certificate after the handshake. Ask again the blocking way, which reads the refusal in order.
            if ("https".equalsIgnoreCase(member.getScheme())) {
                try {
                    access.probeTls(member, timeout);
                } catch (SSLException refused) {
                    throw new EtcdAccessException(tlsProblem(member, refused), refused);
                } catch (IOException again) {
                    return Optional.of(notAnswering(member, again));
                }
            }
            return Optional.of(notAnswering(member, e));
        }
        Optional<String[]> credentials = access.credentials();
        if (credentials.isEmpty()) {
            return Optional.empty();
        }
        String user = credentials.get()[0];
        var body = JSON.createObjectNode().put("name", user).put("password", credentials.get()[1]);
        HttpResponse<String> answer;
        try {
            answer = post(http, member, "/v3/auth/authenticate", body.toString(), timeout);
        } catch (IOException e) {
            return Optional.of("etcd at " + member + " did not answer the log-in of user '" + user + "' (" + e + ")");
        }
        if (answer.statusCode() == 200) {
            return Optional.empty();
        }
        String error = error(answer.body());
        if (error.contains("authentication is not enabled")) {
            throw new EtcdAccessException("BR2K_ETCD_USER is set to '" + user + "', but etcd at " + member + " has"
                    + " authentication off. Turn it on (etcdctl auth enable, with a root user) or unset BR2K_ETCD_USER and"
                    + " BR2K_ETCD_PASSWORD_FILE.");
        }
        if (error.contains("invalid user ID or password") || error.contains("authentication failed")) {
            throw new EtcdAccessException("etcd at " + member + " refused user '" + user + "': wrong user name or"
                    + " password (" + error + "). Check BR2K_ETCD_USER and the password in BR2K_ETCD_PASSWORD_FILE"
                    + " (etcdctl user passwd " + user + " sets a new one).");
        }
        throw new EtcdAccessException("etcd at " + member + " refused the log-in of user '" + user + "': " + error
                + ". Check BR2K_ETCD_USER and BR2K_ETCD_PASSWORD_FILE.");
    }

    private static String notAnswering(URI member, IOException e) {
        return "etcd at " + member + " did not answer (" + e + "); its credentials will be checked when it does";
    }

    private static HttpResponse<String> post(HttpClient http, URI member, String path, String body, Duration timeout)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(member.resolve(path)).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String error(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            return json.path("error").asText(json.path("message").asText(body));
        } catch (IOException e) {
            return body;
        }
    }

    /** What went wrong in the TLS handshake with the member, and which setting to change. */
    static String tlsProblem(URI member, SSLException e) {
        String text = chain(e);
        if (text.contains("PKIX path") || text.contains("unable to find valid certification path")
                || text.contains("CertPathValidatorException") || text.contains("signature check failed")) {
            return "etcd at " + member + " presented a server certificate that " + EtcdAccess.CA + " did not sign ("
                    + e.getMessage() + "). Point BR2K_ETCD_CA_FILE at the CA that signed etcd's --cert-file.";
        }
        if (text.contains("No subject alternative") || text.contains("No name matching")) {
            return "etcd at " + member + " presented a certificate that does not name " + member.getHost() + " ("
                    + e.getMessage() + "). Reissue etcd's server certificate with " + member.getHost()
                    + " among its subject alternative names, or reach etcd by a name it has.";
        }
        if (text.contains("bad_certificate") || text.contains("certificate_required") || text.contains("unknown_ca")
                || text.contains("Broken pipe") || text.contains("Connection reset")) {
            return "etcd at " + member + " refused this replica's client certificate (" + e.getMessage() + "). etcd runs"
                    + " with --client-cert-auth: set BR2K_ETCD_CERT_FILE and BR2K_ETCD_KEY_FILE to a certificate signed"
                    + " by the CA in etcd's --trusted-ca-file.";
        }
        return "TLS with etcd at " + member + " failed: " + e.getMessage() + ". Check BR2K_ETCD_CA_FILE,"
                + " BR2K_ETCD_CERT_FILE and BR2K_ETCD_KEY_FILE against etcd's --trusted-ca-file, --cert-file and --key-file.";
    }

    private static String chain(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            out.append(t).append(' ');
        }
        return out.toString();
    }
}
