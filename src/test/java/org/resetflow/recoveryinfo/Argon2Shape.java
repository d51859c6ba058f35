package org.resetflow.recoveryinfo;

/**
 * What an encoded Argon2 hash says about its cost: the algorithm, version and parameters, and the lengths of its salt
 * and output. Two hashes of the same shape cost the same to check.
 */
public record Argon2Shape(String algorithm, String version, String parameters, int saltLength, int hashLength) {

    public static Argon2Shape of(String encoded) {
        String[] parts = encoded.split("\\$");
        return new Argon2Shape(parts[1], parts[2], parts[3], parts[4].length(), parts[5].length());
    }
}
