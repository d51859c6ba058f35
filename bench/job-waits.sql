-- Where the asynchronous steps of the journeys wait, from the engine's history of a run kept with --keep-data
-- (docs/performance.md, "the setPassword answer"). Per asynchronous activity, in milliseconds, over the jobs
-- created in the last 30 s of the run (the measuring window of a run with one N):
--   queued:  from the job's creation (in the transaction of the step before it, before that commits) until the
--            job executor starts the activity: the rest of that transaction, its commit, the acquisition and the
--            job executor's queue
--   running: the activity itself (its delegate), without the job's commit
-- Run it with H2's shell against the kept ResetFlow database, for example:
--   java -cp ~/.m2/repository/com/h2database/h2/2.3.232/h2-2.3.232.jar org.h2.tools.Shell \
--     -url "jdbc:h2:file:/tmp/resetflow-bench.../resetflow-h2/resetflow" -user sa -password "" -sql "$(cat bench/job-waits.sql)"
WITH JOBS AS (
    SELECT C.ACT_ID_ AS ACTIVITY,
           DATEDIFF(MILLISECOND, C.TIMESTAMP_, A.START_TIME_) AS QUEUED,
           DATEDIFF(MILLISECOND, A.START_TIME_, A.END_TIME_) AS RUNNING
    FROM ACT_HI_JOB_LOG C
    JOIN ACT_HI_ACTINST A ON A.PROC_INST_ID_ = C.PROCESS_INSTANCE_ID_ AND A.ACT_ID_ = C.ACT_ID_ AND A.END_TIME_ IS NOT NULL
    WHERE C.JOB_STATE_ = 0
      AND C.TIMESTAMP_ > DATEADD(SECOND, -30, (SELECT MAX(TIMESTAMP_) FROM ACT_HI_JOB_LOG))
)
SELECT ACTIVITY, COUNT(*) AS JOBS,
       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY QUEUED) AS QUEUED_P50,
       PERCENTILE_CONT(0.99) WITHIN GROUP (ORDER BY QUEUED) AS QUEUED_P99,
       MAX(QUEUED) AS QUEUED_MAX,
       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY RUNNING) AS RUNNING_P50,
       PERCENTILE_CONT(0.99) WITHIN GROUP (ORDER BY RUNNING) AS RUNNING_P99,
       MAX(RUNNING) AS RUNNING_MAX
FROM JOBS GROUP BY ACTIVITY ORDER BY ACTIVITY;
