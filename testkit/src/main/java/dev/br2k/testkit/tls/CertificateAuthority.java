package dev.br2k.testkit.tls;

import dev.br2k.testkit.TestkitException;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A certificate authority made in the test (BouncyCastle), which issues certificates for etcd members
 * and their clients and writes them as PEM files.
 *
 * <pre>{@code
 * CertificateAuthority ca = CertificateAuthority.create("etcd CA");
 * TlsFiles server = ca.issue(dir.resolve("server"), "etcd", KeyStyle.EC_SEC1, "127.0.0.1", "localhost");
 * }</pre>
 *
 * Every certificate it issues may serve as server and as client certificate ({@code serverAuth} and
 * {@code clientAuth}), as etcd's own guides make them.
 */
public final class CertificateAuthority {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private final String name;
    private final KeyPair keys;
    private final X509Certificate certificate;

    private CertificateAuthority(String name, KeyPair keys, X509Certificate certificate) {
        this.name = name;
        this.keys = keys;
        this.certificate = certificate;
    }

    /** A new self-signed CA (EC P-256), valid from an hour ago for a day. */
    public static CertificateAuthority create(String commonName) {
        try {
            KeyPair keys = keyPair(false);
            X500Name subject = new X500Name("CN=" + commonName);
            X509v3CertificateBuilder b = builder(subject, subject, keys);
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            return new CertificateAuthority(commonName, keys, sign(b, keys.getPrivate()));
        } catch (GeneralSecurityException | IOException e) {
            throw new TestkitException("Cannot make a test CA: " + e, e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** Writes this CA's certificate as PEM. */
    public Path writeCertificate(Path file) {
        write(file, pem(certificate));
        return file;
    }

    /**
     * Issues a certificate for {@code commonName} (empty: a subject without one, which etcd's JSON gateway requires
     * of client certificates once authentication is on) with these subject alternative names (IP addresses or DNS
     * names, {@code *.} wildcards allowed) and writes {@code ca.crt}, {@code tls.crt} and {@code tls.key} (the
     * names of a Kubernetes TLS Secret) into {@code dir}.
     */
    public TlsFiles issue(Path dir, String commonName, KeyStyle style, String... subjectAltNames) {
        Issued issued = issueInMemory(commonName, style, subjectAltNames);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new TestkitException("Cannot create " + dir + ": " + e, e);
        }
        TlsFiles files = new TlsFiles(dir.resolve("ca.crt"), dir.resolve("tls.crt"), dir.resolve("tls.key"));
        writeCertificate(files.caFile());
        write(files.certFile(), pem(issued.certificate()));
        write(files.keyFile(), privateKeyPem(issued.key(), style));
        return files;
    }

    /** A certificate and its key, not written anywhere (for a test's own TLS client). */
    public Issued issueInMemory(String commonName, KeyStyle style, String... subjectAltNames) {
        try {
            KeyPair pair = keyPair(style.rsa());
            X500Name subject = commonName.isEmpty() ? new X500Name(new org.bouncycastle.asn1.x500.RDN[0]) : new X500Name("CN=" + commonName);
            X509v3CertificateBuilder b = builder(new X500Name("CN=" + name), subject, pair);
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            b.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            if (subjectAltNames.length > 0) {
                List<GeneralName> names = new ArrayList<>();
                for (String san : subjectAltNames) {
                    names.add(isIp(san) ? new GeneralName(GeneralName.iPAddress, san) : new GeneralName(GeneralName.dNSName, san));
                }
                // critical when the subject is empty (RFC 5280 4.2.1.6)
                b.addExtension(Extension.subjectAlternativeName, commonName.isEmpty(), new GeneralNames(names.toArray(GeneralName[]::new)));
            }
            return new Issued(sign(b, keys.getPrivate()), pair.getPrivate());
        } catch (GeneralSecurityException | IOException e) {
            throw new TestkitException("Cannot issue a test certificate for " + commonName + ": " + e, e);
        }
    }

    /** An SSL context that trusts this CA and presents {@code client} (for a test's own HTTPS calls to etcd). */
    public SSLContext sslContext(Issued client) {
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry("client", client.key(), new char[0], new X509Certificate[] {client.certificate(), certificate});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore, new char[0]);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", certificate);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), RANDOM);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new TestkitException("Cannot build an SSL context from the test CA: " + e, e);
        }
    }

    /** A certificate this CA issued and its private key. */
    public record Issued(X509Certificate certificate, PrivateKey key) {
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), subject, keys.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey issuerKey) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    /** RSA 2048 takes seconds to generate on a busy machine: one pair per JVM serves every RSA certificate. */
    private static KeyPair rsaKeys;

    private static synchronized KeyPair keyPair(boolean rsa) throws GeneralSecurityException {
        if (rsa) {
            if (rsaKeys == null) {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048, RANDOM);
                rsaKeys = g.generateKeyPair();
            }
            return rsaKeys;
        }
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return g.generateKeyPair();
    }

    private static boolean isIp(String name) {
        if (!name.matches("[0-9.]+|[0-9a-fA-F:]*:[0-9a-fA-F:.]*")) {
            return false;
        }
        try {
            InetAddress.getByName(name);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new TestkitException("Cannot write PEM: " + e, e);
        }
        return out.toString();
    }

    private static String privateKeyPem(PrivateKey key, KeyStyle style) {
        if (style == KeyStyle.RSA_PKCS1) {
            return pem(key); // BouncyCastle writes a JCA RSA key in its traditional form, PKCS#1
        }
        if (style == KeyStyle.EC_SEC1) {
            return pem(sec1(key));
        }
        try {
            return pem(new JcaPKCS8Generator(key, null).generate());
        } catch (org.bouncycastle.util.io.pem.PemGenerationException e) {
            throw new TestkitException("Cannot write a PKCS#8 key: " + e, e);
        }
    }

    /**
     * SEC1 with the curve named in {@code [0] parameters}, as openssl and cfssl write it (Java's PKCS#8 encoding
     * leaves the parameters out of the inner key, and Go's parser, etcd's, then refuses it).
     */
    private static org.bouncycastle.util.io.pem.PemObject sec1(PrivateKey key) {
        try {
            var info = org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(key.getEncoded());
            var inner = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey());
            var curve = info.getPrivateKeyAlgorithm().getParameters();
            var withCurve = new org.bouncycastle.asn1.sec.ECPrivateKey(256, inner.getKey(), curve);
            return new org.bouncycastle.util.io.pem.PemObject("EC PRIVATE KEY", withCurve.getEncoded());
        } catch (IOException e) {
            throw new TestkitException("Cannot write a SEC1 key: " + e, e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new TestkitException("Cannot write " + file + ": " + e, e);
        }
    }
}
