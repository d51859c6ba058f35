package org.resetflow.verification;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.resetflow.recoveryinfo.RecoveryRegistrations;
import org.resetflow.recoveryinfo.RegistrationProperties;
import org.resetflow.recoveryinfo.SecurityAnswers;
import org.resetflow.secret.KeyedHasher;
import org.springframework.stereotype.Component;

/** Draws the questions asked at a gate and checks the answers against their slow hashes. */
@Component
public class SecurityQuestions {

    private final RecoveryRegistrations registrations;
    private final SecurityAnswers answers;
    private final RegistrationProperties registration;
    private final VerificationProperties verification;
    private final KeyedHasher hasher;
    private final SecureRandom random = new SecureRandom();

    public SecurityQuestions(RecoveryRegistrations registrations, SecurityAnswers answers, RegistrationProperties registration,
                             VerificationProperties verification, KeyedHasher hasher) {
        this.registrations = registrations;
        this.answers = answers;
        this.registration = registration;
        this.verification = verification;
        this.hasher = hasher;
    }

    /**
     * The ids of the questions to ask, drawn at random from the registered ones. A decoy gets questions from the
     * catalogue, the same ones on every attempt, like a real account whose registered questions do not change.
     */
    public List<String> draw(String accountKey, boolean decoy) {
        List<String> pool;
        Random shuffle;
        if (decoy) {
            pool = new ArrayList<>(registration.questions());
            shuffle = new Random(hasher.hash("decoy-questions", accountKey).hashCode());
            Collections.shuffle(pool, shuffle);
            pool = new ArrayList<>(pool.subList(0, Math.min(registration.questionsToRegister(), pool.size())));
        } else {
            pool = new ArrayList<>(registrations.find(accountKey).answerHashes().keySet());
        }
        Collections.shuffle(pool, random);
        return List.copyOf(pool.subList(0, Math.min(verification.questionsToAnswer(), pool.size())));
    }

    /** True when every answer matches; always checks every answer so the time taken says nothing. */
    public boolean allCorrect(String accountKey, boolean decoy, List<String> questionIds, List<String> given) {
        Map<String, String> hashes = decoy ? Map.of() : registrations.find(accountKey).answerHashes();
        boolean allCorrect = !questionIds.isEmpty() && questionIds.size() == given.size();
        for (int i = 0; i < questionIds.size(); i++) {
            String hash = hashes.get(questionIds.get(i));
            String answer = i < given.size() ? given.get(i) : null;
            if (hash == null) {
                answers.matches(answer, answers.decoyHash());
                allCorrect = false;
            } else {
                allCorrect &= answers.matches(answer, hash);
            }
        }
        return allCorrect;
    }
}
