package dev.br2k.replication.internal.access;

import dev.br2k.replication.EtcdAccessException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Certificates and private keys from PEM files, as etcd, etcdctl and kubeconfig users have them: keys in
 * PKCS#8 ({@code BEGIN PRIVATE KEY}), SEC1 ({@code BEGIN EC PRIVATE KEY}, cfssl and {@code openssl ecparam}) or
 * PKCS#1 ({@code BEGIN RSA PRIVATE KEY}). Every failure names the file and the setting it came from, and says
 * what to do.
 */
final class PemFiles {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)-----END \\1-----");
    private static final byte[] RSA_ALGORITHM = hex("300d06092a864886f70d0101010500");
    private static final byte[] EC_PUBLIC_KEY_OID = hex("06072a8648ce3d0201");

    private PemFiles() {
    }

    /** Every certificate in the file, in order. */
    static List<X509Certificate> certificates(Path file, String setting) {
        List<X509Certificate> out = new ArrayList<>();
        for (Block block : blocks(file, setting)) {
            if (!block.type().equals("CERTIFICATE")) {
                continue;
            }
            try {
                out.add((X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(block.der())));
            } catch (CertificateException e) {
                throw new EtcdAccessException(setting + " " + file + " holds a CERTIFICATE block that is not an X.509"
                        + " certificate (" + e.getMessage() + "). Point " + setting + " at the PEM certificate file.", e);
            }
        }
        if (out.isEmpty()) {
            throw new EtcdAccessException(setting + " " + file + " holds no certificate (no -----BEGIN CERTIFICATE-----"
                    + " block). Point " + setting + " at a PEM certificate, not at a key or a DER file.");
        }
        return out;
    }

    /** The one private key in the file. */
    static PrivateKey privateKey(Path file, String setting) {
        for (Block block : blocks(file, setting)) {
            switch (block.type()) {
                case "PRIVATE KEY":
                    return pkcs8(block.der(), file, setting);
                case "RSA PRIVATE KEY":
                    return pkcs8(wrap(RSA_ALGORITHM, block.der()), file, setting);
                case "EC PRIVATE KEY":
                    return pkcs8(wrap(ecAlgorithm(block.der(), file, setting), block.der()), file, setting);
                case "ENCRYPTED PRIVATE KEY":
                    throw new EtcdAccessException(setting + " " + file + " holds an encrypted private key, which etcd"
                            + " cannot read either. Decrypt it (openssl pkcs8 -in " + file.getFileName() + " -out key.pem)"
                            + " and keep the file readable only by the service's user.");
                default:
                    // EC PARAMETERS, certificates: not the key
            }
        }
        throw new EtcdAccessException(setting + " " + file + " holds no private key (-----BEGIN PRIVATE KEY-----,"
                + " EC PRIVATE KEY or RSA PRIVATE KEY). Point " + setting + " at the key of the client certificate.");
    }

    /**
     * Throws unless {@code key} is the private key of {@code certificate}: it signs a message that the
     * certificate's public key must verify.
     */
    static void requireMatch(PrivateKey key, X509Certificate certificate, String keySetting, Path keyFile,
                             String certSetting, Path certFile) {
        PublicKey publicKey = certificate.getPublicKey();
        boolean matches;
        try {
            if (!key.getAlgorithm().equals(publicKey.getAlgorithm())) {
                matches = false;
            } else {
                String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256with" + key.getAlgorithm();
                byte[] probe = "br2k key check".getBytes(StandardCharsets.UTF_8);
                Signature signer = Signature.getInstance(algorithm);
                signer.initSign(key);
                signer.update(probe);
                byte[] signature = signer.sign();
                Signature verifier = Signature.getInstance(algorithm);
                verifier.initVerify(publicKey);
                verifier.update(probe);
                matches = verifier.verify(signature);
            }
        } catch (GeneralSecurityException e) {
            matches = false;
        }
        if (!matches) {
            throw new EtcdAccessException("the private key " + keyFile + " (" + keySetting + ") does not belong to the"
                    + " certificate " + certFile + " (" + certSetting + ", subject " + certificate.getSubjectX500Principal()
                    + "). Give the key that was made with this certificate (they usually come as a pair, e.g. tls.key"
                    + " and tls.crt of one Secret).");
        }
    }

    private record Block(String type, byte[] der) {
    }

    private static List<Block> blocks(Path file, String setting) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new EtcdAccessException(setting + " names " + file + ", which does not exist. Check the path (a"
                    + " mounted Secret appears only once the pod has started) or unset " + setting + ".", e);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new EtcdAccessException(setting + " names " + file + ", which this process (user "
                    + System.getProperty("user.name") + ") may not read. Make it readable by the service's user.", e);
        } catch (IOException e) {
            throw new EtcdAccessException(setting + " names " + file + ", which cannot be read as PEM text: " + e
                    + ". Point " + setting + " at a PEM file.", e);
        }
        List<Block> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            try {
                out.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2))));
            } catch (IllegalArgumentException e) {
                throw new EtcdAccessException(setting + " " + file + ": the " + m.group(1) + " block is not valid"
                        + " base64. The file is damaged; copy it again.", e);
            }
        }
        if (out.isEmpty()) {
            throw new EtcdAccessException(setting + " " + file + " is not a PEM file (no -----BEGIN ...----- block)."
                    + " Convert a DER file with openssl (openssl x509 -inform der / openssl pkey -inform der).");
        }
        return out;
    }

    private static PrivateKey pkcs8(byte[] der, Path file, String setting) {
        for (String algorithm : List.of("EC", "RSA", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new EtcdAccessException(setting + " " + file + " holds a private key that is neither EC, RSA nor Ed25519"
                + " or is damaged. Give the PEM key of the client certificate.");
    }

    /** PKCS#8 PrivateKeyInfo: SEQUENCE { INTEGER 0, algorithm, OCTET STRING key }. */
    private static byte[] wrap(byte[] algorithm, byte[] key) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(algorithm);
        body.writeBytes(tlv(0x04, key));
        return tlv(0x30, body.toByteArray());
    }

    /**
     * The algorithm of a SEC1 EC key for PKCS#8: {@code SEQUENCE { id-ecPublicKey, <curve OID> }}, the curve taken
     * from the key's {@code [0] parameters} field (SEC1: {@code SEQUENCE { INTEGER 1, OCTET STRING, [0] OID, [1] BIT
     * STRING }}).
     */
    private static byte[] ecAlgorithm(byte[] sec1, Path file, String setting) {
        try {
            int[] seq = header(sec1, 0);
            int pos = seq[0];
            int end = seq[0] + seq[1];
            while (pos < end) {
                int tag = sec1[pos] & 0xff;
                int[] h = header(sec1, pos);
                if (tag == 0xa0) {
                    byte[] curve = java.util.Arrays.copyOfRange(sec1, h[0], h[0] + h[1]);
                    ByteArrayOutputStream body = new ByteArrayOutputStream();
                    body.writeBytes(EC_PUBLIC_KEY_OID);
                    body.writeBytes(curve);
                    return tlv(0x30, body.toByteArray());
                }
                pos = h[0] + h[1];
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            // damaged: reported below
        }
        throw new EtcdAccessException(setting + " " + file + " holds an EC PRIVATE KEY without its curve, or a damaged"
                + " one. Convert it to PKCS#8 (openssl pkcs8 -topk8 -nocrypt -in key.pem -out key.pk8.pem).");
    }

    /** {offset of the content, length of the content} of the DER element at {@code pos}. */
    private static int[] header(byte[] der, int pos) {
        int first = der[pos + 1] & 0xff;
        if (first < 0x80) {
            return new int[] {pos + 2, first};
        }
        int bytes = first & 0x7f;
        int length = 0;
        for (int i = 0; i < bytes; i++) {
            length = (length << 8) | (der[pos + 2 + i] & 0xff);
        }
        return new int[] {pos + 2 + bytes, length};
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else if (n < 0x10000) {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n);
        } else {
            out.write(0x83);
            out.write(n >> 16);
            out.write(n >> 8);
            out.write(n);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] hex(String s) {
        return java.util.HexFormat.of().parseHex(s);
    }
}
