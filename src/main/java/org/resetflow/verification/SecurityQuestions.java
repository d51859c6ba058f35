package org.resetflow.verification;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
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

    /** The answers given at a gate and the hashes they are checked against (none for a decoy). */
    record GivenAnswers(String accountKey, String questionIds, List<String> ids, List<SecurityAnswers.Given> answers) {

        @Override
        public String toString() {
            return "GivenAnswers[" + accountKey + ", " + questionIds + "]";
        }
    }

    /**
     * Inside the step's command: the stored hashes for the answers given to the questions {@code questionIds} (their
     * ids, comma-separated, as drawn). A decoy's answers get none and are checked against the decoy hash; its
     * registration is read all the same, so that its step does the same work as a real one's.
     */
    GivenAnswers given(String accountKey, boolean decoy, String questionIds, List<String> typed) {
        Map<String, String> stored = registrations.find(accountKey).answerHashes();
        List<String> ids = questionIds == null || questionIds.isBlank() ? List.of() : List.of(questionIds.split(","));
        List<SecurityAnswers.Given> given = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            given.add(new SecurityAnswers.Given(i < typed.size() ? typed.get(i) : null, decoy ? null : stored.get(ids.get(i))));
        }
        return new GivenAnswers(accountKey, questionIds, ids, List.copyOf(given));
    }

    /**
     * Outside any transaction: whether every answer matches. Every answer is checked, so the time taken says nothing.
     *
     * @throws org.resetflow.recoveryinfo.HashingQueue.Busy when too many answers wait to be checked; none was
     */
    boolean check(GivenAnswers given) {
        List<Boolean> matched = answers.matchAll(given.answers());
        return !matched.isEmpty() && !matched.contains(false);
    }

    /**
     * After a gate was passed with these answers: those whose hashes were made with older parameters are hashed again
     * with today's, in the background, when a hashing thread is free.
     */
    void rehashOld(GivenAnswers given) {
        Map<String, String> old = new LinkedHashMap<>();
        Map<String, String> oldHashes = new LinkedHashMap<>();
        for (int i = 0; i < given.ids().size(); i++) {
            SecurityAnswers.Given answer = given.answers().get(i);
            if (answer.hash() != null && answer.answer() != null && !answers.isCurrent(answer.hash())) {
                old.put(given.ids().get(i), answer.answer());
                oldHashes.put(given.ids().get(i), answer.hash());
            }
        }
        answers.rehashLater(old, hashes -> hashes.forEach((questionId, hash) ->
                registrations.rehashAnswer(given.accountKey(), questionId, oldHashes.get(questionId), hash)));
    }
}
