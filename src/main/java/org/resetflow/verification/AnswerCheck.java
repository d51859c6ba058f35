package org.resetflow.verification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.resetflow.engine.StepPreparation;
import org.resetflow.engine.Vars;
import org.resetflow.recoveryinfo.HashingQueue;
import org.resetflow.secret.KeyedHasher;
import org.springframework.stereotype.Component;

/**
 * The preparation of "Answer security questions" ({@code preparation=answerCheck}): the answers are checked against
 * their Argon2id hashes before the engine command, with no transaction and no connection held, and the verdict goes
 * into the task's completion ({@link VerificationVariables#ANSWER_VERDICT}), where "Check the answers" records the
 * proof or the failure. A full hashing queue refuses the answers before anything counts. The verdict carries the
 * server's keyed hash for this process instance and these questions: no one else can make one that the step takes.
 */
@Component("answerCheck")
class AnswerCheck implements StepPreparation {

    static final String RIGHT = "RIGHT";
    static final String WRONG = "WRONG";

    private final SecurityQuestions questions;
    private final KeyedHasher hasher;

    AnswerCheck(SecurityQuestions questions, KeyedHasher hasher) {
        this.questions = questions;
        this.hasher = hasher;
    }

    /** What a verdict is bound to: the answers to these questions in this process instance. */
    static String verdictContext(String processInstanceId, Object questionIds) {
        return "answer-verdict:" + processInstanceId + ":" + questionIds;
    }

    @Override
    public Work prepare(Step step) {
        String questionIds = (String) step.variable(VerificationVariables.QUESTION_IDS);
        int count = questionIds == null || questionIds.isBlank() ? 0 : questionIds.split(",").length;
        List<String> typed = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Object answer = step.input("answer" + i);
            typed.add(answer == null ? null : answer.toString());
        }
        SecurityQuestions.GivenAnswers given = questions.given((String) step.journeyFact(Vars.ACCOUNT_KEY),
                Boolean.TRUE.equals(step.journeyFact(Vars.DECOY)), questionIds, typed);
        String context = verdictContext(step.processInstanceId(), questionIds);
        return new Work() {
            private boolean allCorrect;

            @Override
            public Map<String, String> run() {
                try {
                    allCorrect = questions.check(given);
                } catch (HashingQueue.Busy busy) {
                    throw new Busy(busy.retryAfter(), busy);
                }
                return Map.of(VerificationVariables.ANSWER_VERDICT, hasher.stamp(context, allCorrect ? RIGHT : WRONG));
            }

            @Override
            public void completed() {
                if (allCorrect) {
                    questions.rehashOld(given);
                }
            }
        };
    }
}
