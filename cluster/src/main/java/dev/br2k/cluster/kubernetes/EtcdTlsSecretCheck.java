package dev.br2k.cluster.kubernetes;

import dev.br2k.cluster.context.DeploymentContext;
import io.fabric8.kubernetes.api.model.Secret;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/**
 * What the etcd TLS Secret must hold for the pods to start and talk, checked before deploy sends anything: its
 * {@code tls.crt} serves as the members' server and peer certificate and as every client's certificate, so it
 * must name
 * <ul>
 *   <li>with peer TLS: {@code *.<svc>-peers.<ns>.svc} (the peer URLs members advertise and dial) and
 *       {@code *.<svc>-peers.<ns>.svc.<cluster domain>} (etcd checks a connecting peer's certificate against the
 *       reverse DNS name of its address, which carries the cluster domain, {@code cluster.local} by default);</li>
 *   <li>with client TLS: {@code 127.0.0.1} (the service and the port-forward reach their member there) and
 *       {@code <svc>-peers.<ns>.svc} (the service's second endpoint);</li>
 * </ul>
 * and be usable for both ends of a connection (extended key usage {@code serverAuth} and {@code clientAuth}).
 */
final class EtcdTlsSecretCheck {
    private EtcdTlsSecretCheck() {
    }

    /** Each problem as a sentence saying what to change; empty when the Secret fits. */
    static List<String> problems(DeploymentContext ctx, Secret secret) {
        String name = KubernetesNames.tlsSecret(ctx);
        List<String> out = new ArrayList<>();
        if (secret == null) {
            out.add("etcd TLS is on but Secret " + name + " does not exist in namespace " + ctx.namespace() + ": create it with"
                    + " ca.crt, tls.crt and tls.key (kubectl -n " + ctx.namespace() + " create secret generic " + name
                    + " --from-file=ca.crt --from-file=tls.crt --from-file=tls.key); the cluster README lists the names"
                    + " tls.crt must carry");
            return out;
        }
        for (String key : List.of("ca.crt", "tls.crt", "tls.key")) {
            if (secret.getData() == null || secret.getData().get(key) == null) {
                out.add("Secret " + name + " has no " + key + ": it needs ca.crt, tls.crt and tls.key");
            }
        }
        if (!out.isEmpty()) {
            return out;
        }
        X509Certificate cert;
        try {
            cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(Base64.getMimeDecoder().decode(secret.getData().get("tls.crt"))));
        } catch (CertificateException | IllegalArgumentException e) {
            out.add("tls.crt of Secret " + name + " is not a PEM certificate (" + e.getMessage() + ")");
            return out;
        }
        List<String> dns = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    int type = (Integer) san.get(0);
                    if (type == 2) {
                        dns.add(((String) san.get(1)).toLowerCase());
                    } else if (type == 7) {
                        ips.add((String) san.get(1));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            out.add("tls.crt of Secret " + name + " has unreadable subject alternative names (" + e.getMessage() + ")");
            return out;
        }
        String peers = KubernetesNames.peerService(ctx) + "." + ctx.namespace() + ".svc";
        String pod = KubernetesNames.podHost(ctx, 0);
        List<String> missing = new ArrayList<>();
        if (ctx.etcdTls().peer()) {
            if (!covers(dns, pod)) {
                missing.add("*." + peers);
            }
            if (dns.stream().noneMatch(n -> n.startsWith("*." + peers + ".") || n.startsWith(pod.substring(0, pod.indexOf('.')) + "." + peers + "."))) {
                missing.add("*." + peers + ".cluster.local (with your cluster's DNS domain)");
            }
        }
        if (ctx.etcdTls().client()) {
            if (!ips.contains("127.0.0.1")) {
                missing.add("IP 127.0.0.1");
            }
            if (!covers(dns, peers)) {
                missing.add(peers);
            }
        }
        if (!missing.isEmpty()) {
            out.add("tls.crt of Secret " + name + " does not name " + String.join(", ", missing) + " (it names " + dns
                    + (ips.isEmpty() ? "" : " and IPs " + ips) + "): members and clients would refuse it; reissue it with"
                    + " those subject alternative names");
        }
        try {
            List<String> usages = cert.getExtendedKeyUsage();
            if (usages != null && !(usages.contains("1.3.6.1.5.5.7.3.1") && usages.contains("1.3.6.1.5.5.7.3.2"))) {
                out.add("tls.crt of Secret " + name + " must allow both serverAuth and clientAuth (extended key usage):"
                        + " each member serves with it and dials its peers with it, and the service presents it to etcd");
            }
        } catch (CertificateParsingException e) {
            out.add("tls.crt of Secret " + name + " has an unreadable extended key usage (" + e.getMessage() + ")");
        }
        return out;
    }

    /** Whether a DNS name of the certificate matches {@code host} (exactly, or by a one-label {@code *.} wildcard). */
    private static boolean covers(List<String> names, String host) {
        String parent = host.substring(host.indexOf('.') + 1);
        return names.contains(host) || names.contains("*." + parent);
    }
}
