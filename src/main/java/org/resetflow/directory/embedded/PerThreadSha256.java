package org.resetflow.directory.embedded;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 whose state lives per thread. UnboundID's salted encoder keeps a single {@link MessageDigest}
 * and the in-memory server runs binds concurrently, so a shared digest could corrupt a concurrent hash.
 */
final class PerThreadSha256 extends MessageDigest {

    private static final String ALGORITHM = "SHA-256";

    private final ThreadLocal<MessageDigest> digests = ThreadLocal.withInitial(PerThreadSha256::newDigest);

    PerThreadSha256() {
        super(ALGORITHM);
    }

    @Override
    protected void engineUpdate(byte input) {
        digests.get().update(input);
    }

    @Override
    protected void engineUpdate(byte[] input, int offset, int length) {
        digests.get().update(input, offset, length);
    }

    @Override
    protected byte[] engineDigest() {
        return digests.get().digest();
    }

    @Override
    protected void engineReset() {
        digests.get().reset();
    }

    @Override
    protected int engineGetDigestLength() {
        return digests.get().getDigestLength();
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(ALGORITHM);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides " + ALGORITHM, e);
        }
    }
}
