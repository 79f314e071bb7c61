package cn.tuanwu.load;

import cn.tuanwu.support.Api;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * One organisation admin's upload followed to its end as a client would: {@code POST /api/imports},
 * polling {@code GET /api/imports/{id}} until it awaits review, the reviewer's approval
 * ({@code POST /api/imports/{id}/decision}), polling until it is applied. Times run from the start of
 * the POST; every failed call is a failure, and so is any end but APPLIED.
 */
final class Uploader implements Runnable {

    private static final long POLL_MILLIS = 250;
    private static final Set<String> ENDS = Set.of("APPLIED", "REJECTED", "FAILED", "NOTHING_TO_APPLY");

    private final Api api;
    private final String orgCode;
    private final Path file;
    private final Api.Login uploader;
    private final Api.Login reviewer;
    private final long timeoutNanos;
    private final Timings timings;
    private final Failures failures;
    private volatile String id;
    private volatile JsonNode awaitingReview;
    private volatile JsonNode last;

    /** The latencies every uploader adds to, and the failures of the run. */
    record Timings(Latencies post, Latencies toReview, Latencies toApplied, Latencies polls) {
    }

    Uploader(Api api, String orgCode, Path file, Api.Login uploader, Api.Login reviewer, long timeoutNanos,
            Timings timings, Failures failures) {
        this.api = api;
        this.orgCode = orgCode;
        this.file = file;
        this.uploader = uploader;
        this.reviewer = reviewer;
        this.timeoutNanos = timeoutNanos;
        this.timings = timings;
        this.failures = failures;
    }

    @Override
    public void run() {
        try {
            upload();
        } catch (RuntimeException | IOException e) {
            failures.add("upload " + orgCode + " (" + id + "): " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add("upload " + orgCode + " (" + id + ") interrupted in " + status());
        }
    }

    private void upload() throws IOException, InterruptedException {
        byte[] content = Files.readAllBytes(file);
        long started = System.nanoTime();
        Api.Response accepted = api.upload("/api/imports?orgCode=" + orgCode, file.getFileName().toString(), content, uploader);
        timings.post().record(System.nanoTime() - started);
        if (accepted.status() != 202) {
            failures.add("upload " + orgCode + ": HTTP " + accepted.status() + " " + ProgressReaders.abbreviate(accepted.body()));
            return;
        }
        id = accepted.json().path("id").asText();
        if (!await("AWAITING_REVIEW", started)) {
            return;
        }
        awaitingReview = last;
        timings.toReview().record(System.nanoTime() - started);
        Api.Response decided = api.post("/api/imports/" + id + "/decision", "{\"approved\": true, \"comment\": \"load test\"}",
                reviewer);
        if (decided.status() != 200) {
            failures.add("decision on " + orgCode + ": HTTP " + decided.status() + " " + ProgressReaders.abbreviate(decided.body()));
            return;
        }
        if (await("APPLIED", started)) {
            timings.toApplied().record(System.nanoTime() - started);
        }
    }

    /** Polls until the upload has {@code status}; false (and a failure) when it ends otherwise or takes too long. */
    private boolean await(String status, long started) throws InterruptedException {
        while (System.nanoTime() - started < timeoutNanos) {
            long polled = System.nanoTime();
            Api.Response response = api.get("/api/imports/" + id, uploader);
            timings.polls().record(System.nanoTime() - polled);
            if (response.status() != 200) {
                failures.add("poll " + orgCode + ": HTTP " + response.status() + " " + ProgressReaders.abbreviate(response.body()));
            } else {
                last = response.json();
                String now = status();
                if (now.equals(status)) {
                    return true;
                }
                if (ENDS.contains(now)) {
                    failures.add("upload " + orgCode + " ended " + now + " while waiting for " + status + ": " + last);
                    return false;
                }
            }
            Thread.sleep(POLL_MILLIS);
        }
        failures.add("upload " + orgCode + " not " + status + " in time: " + last);
        return false;
    }

    String orgCode() {
        return orgCode;
    }

    String status() {
        JsonNode seen = last;
        return seen == null ? "not accepted" : seen.path("status").asText();
    }

    /** The upload as it was when it awaited review (its counts), or null. */
    JsonNode awaitingReview() {
        return awaitingReview;
    }

    /** The upload as last seen. */
    JsonNode last() {
        return last;
    }
}
