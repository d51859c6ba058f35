package org.resetflow.verification;

import java.security.SecureRandom;
import org.springframework.stereotype.Component;

/** Generates one-time codes: uniformly random digits from a CSPRNG. */
@Component
public class OneTimeCodes {

    private final SecureRandom random = new SecureRandom();
    private final VerificationProperties properties;

    public OneTimeCodes(VerificationProperties properties) {
        this.properties = properties;
    }

    public String next() {
        StringBuilder code = new StringBuilder(properties.codeLength());
        for (int i = 0; i < properties.codeLength(); i++) {
            code.append((char) ('0' + random.nextInt(10)));
        }
        return code.toString();
    }

    /** What users type: digits, possibly grouped with spaces or dashes. */
    public static String normalise(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "");
    }
}
