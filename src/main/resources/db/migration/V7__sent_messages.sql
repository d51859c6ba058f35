-- The messages of a notice or of a code's delivery that have gone out, written apart from the transaction of the step
-- that sends them: a step retried after some of its messages went out (one channel down, the database gone before
-- its commit) sends only the rest. The recipient is kept as its keyed hash. Rows go after 30 days.
CREATE TABLE rf_sent_message (
    delivery        VARCHAR(200) NOT NULL,
    recipient_hash  VARCHAR(64)  NOT NULL,
    sent_at         TIMESTAMP    NOT NULL,
    PRIMARY KEY (delivery, recipient_hash)
);
CREATE INDEX rf_sent_message_sent_at ON rf_sent_message (sent_at);
