package dev.br2k.registry.replication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.br2k.replication.BackupVerificationException;
import dev.br2k.replication.backup.BackupRecord;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SignatureException;
import java.util.Arrays;

/**
 * What the registry's backup log encrypts: the record's JSON ({@link BackupRecordJson}) as a string, signed by
 * the service account with Ethereum's {@code personal_sign} (EIP-191), so that {@code cast wallet verify}
 * checks it too:
 * {@code {"record":"<record JSON>","signer":"0x<service account>","signature":"0x<r s v>"}}.
 *
 * <p>Encryption to the service account's public key alone proves nothing about the writer: anyone may
 * encrypt to a public key, and an account that is (or was, before a manager transfer) allowed to append
 * could plant a record. The signature can only come from the service account's private key; a reader
 * accepts a record only if it recovers to the account it expects.
 */
final class SignedBackupRecord {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SignedBackupRecord() {
    }

    static byte[] write(BackupRecord record, Credentials serviceAccount) {
        byte[] json = BackupRecordJson.write(record);
        Sign.SignatureData sig = Sign.signPrefixedMessage(json, serviceAccount.getEcKeyPair());
        byte[] rsv = new byte[65];
        System.arraycopy(sig.getR(), 0, rsv, 0, 32);
        System.arraycopy(sig.getS(), 0, rsv, 32, 32);
        rsv[64] = sig.getV()[0];
        ObjectNode node = JSON.createObjectNode();
        node.put("record", new String(json, StandardCharsets.UTF_8));
        node.put("signer", serviceAccount.getAddress());
        node.put("signature", Numeric.toHexString(rsv));
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write a signed backup record as JSON", e);
        }
    }

    /**
     * The record, if {@code plain} is a record signed by {@code expectedSigner}.
     *
     * @throws BackupVerificationException if it is unsigned (BR2K before signed records), or signed by another key
     */
    static BackupRecord read(byte[] plain, String expectedSigner) throws IOException {
        JsonNode n = JSON.readTree(new String(plain, StandardCharsets.UTF_8));
        if (n == null || !n.path("record").isTextual() || !n.path("signature").isTextual()) {
            throw new BackupVerificationException("the backup record carries no signature (it was written by BR2K before"
                    + " records were signed and its artifacts are stored in clear): it is not authentic and is refused."
                    + " Let the leader make a new backup (POST /br2k/backup) and recover from it.");
        }
        byte[] json = n.get("record").asText().getBytes(StandardCharsets.UTF_8);
        String signer = recover(json, n.get("signature").asText());
        if (!signer.equalsIgnoreCase(Numeric.cleanHexPrefix(expectedSigner))) {
            throw new BackupVerificationException("the backup record is not authentic: it is signed by 0x" + signer
                    + ", not by the service account " + expectedSigner + "; it is refused and no state was touched."
                    + " Someone who may append to the registry's backup log but does not hold the service account's key"
                    + " wrote it: review the service's operators.");
        }
        return BackupRecordJson.read(json);
    }

    /** The address (hex, no 0x) that signed {@code message}, or "" if the signature is malformed. */
    private static String recover(byte[] message, String signatureHex) {
        try {
            byte[] rsv = Numeric.hexStringToByteArray(signatureHex);
            if (rsv.length != 65) {
                return "";
            }
            Sign.SignatureData sig = new Sign.SignatureData(rsv[64], Arrays.copyOfRange(rsv, 0, 32), Arrays.copyOfRange(rsv, 32, 64));
            BigInteger publicKey = Sign.signedPrefixedMessageToKey(message, sig);
            return Keys.getAddress(publicKey);
        } catch (SignatureException | RuntimeException malformed) {
            return "";
        }
    }
}
