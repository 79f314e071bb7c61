package cn.tuanwu.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import cn.tuanwu.bench.MemberSheet;
import cn.tuanwu.crash.CrashSteps;
import cn.tuanwu.support.Api;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

/**
 * What a load run needs, made through the API as an administrator would: top-level organisations
 * (two sub-organisations each), one admin account per top-level organisation, a city reviewer and a
 * city supervisor, the year's campaign with every window open, and one generated member file per
 * top-level organisation (its rows spread over the organisation and its two children).
 */
final class LoadFixture {

    /** Province codes: each file gets its own, so no two files share an ID number. */
    private static final String[] PROVINCES = {"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34",
        "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65"};

    private final Api api;
    private final Api.Login admin;
    private final int year;
    final Api.Login supervisor = new Api.Login("load-supervisor", "Sup3rvise-Load-2026!");
    final Api.Login reviewer = new Api.Login("load-reviewer", "Rev1ew-Load-2026!");
    final List<String> topLevel = new ArrayList<>();
    final List<Api.Login> uploaders = new ArrayList<>();
    final List<Path> files = new ArrayList<>();

    LoadFixture(Api api, Api.Login admin, int year) {
        this.api = api;
        this.admin = admin;
        this.year = year;
    }

    /** One file per organisation, written before the application starts (it takes the CPU the node would need). */
    static List<Path> writeFiles(Path dir, int organisations, int rows) throws IOException {
        if (organisations > PROVINCES.length) {
            throw new IllegalArgumentException("at most " + PROVINCES.length + " uploads");
        }
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < organisations; i++) {
            String code = code(i);
            Path file = dir.resolve(code + "-" + rows + ".xlsx");
            new MemberSheet(rows, PROVINCES[i] + "0101", List.of(code, code + "01", code + "02"), false).write(file);
            files.add(file);
        }
        return files;
    }

    static String code(int index) {
        return String.format(Locale.ROOT, "LD%02d", index + 1);
    }

    void create(List<Path> generated) {
        String city = api.get("/api/orgs", admin).json().path(0).path("code").asText();
        StringBuilder orgs = new StringBuilder("[");
        for (int i = 0; i < generated.size(); i++) {
            String code = code(i);
            topLevel.add(code);
            orgs.append(i == 0 ? "" : ",").append("""
                    {"code": "%s", "name": "压测%d区团委", "parentCode": "%s", "category": "%s"}"""
                    .formatted(code, i + 1, city, i % 2 == 0 ? "DISTRICT" : "COLLEGE"));
            for (int child = 1; child <= 2; child++) {
                orgs.append(",").append("""
                        {"code": "%s0%d", "name": "压测%d区第%d团工委", "parentCode": "%s"}"""
                        .formatted(code, child, i + 1, child, code));
            }
        }
        Api.Response created = api.post("/api/orgs", orgs.append(']').toString(), admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        createUser(supervisor, List.of("city-supervisors"));
        createUser(reviewer, List.of("org-" + city + "-reviewers"));
        for (String code : topLevel) {
            Api.Login uploader = new Api.Login("load-admin-" + code.toLowerCase(Locale.ROOT), "Upl0ad-" + code + "-2026!");
            createUser(uploader, List.of("org-" + code + "-admins"));
            uploaders.add(uploader);
        }
        files.addAll(generated);
    }

    /** Starts the campaign before its windows, then moves the clock into them: every row OPEN. */
    void openCampaign() throws InterruptedException {
        Api.Response started = api.post("/api/campaigns", "{\"year\": " + year + "}", supervisor);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        awaitProgress("NOT_OPEN"::equals);
        Api.Response moved = api.put("/api/admin/clock",
                "{\"now\": \"" + OffsetDateTime.of(year, 9, 10, 10, 0, 0, 0, ZoneOffset.ofHours(8)) + "\"}", admin);
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        awaitProgress("OPEN"::equals);
    }

    /** The progress rows once there is one per top-level organisation and each state passes. */
    JsonNode awaitProgress(Predicate<String> state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        JsonNode rows = null;
        while (System.nanoTime() < deadline) {
            Api.Response progress = api.get("/api/campaigns/" + year + "/progress", supervisor);
            if (progress.status() == 200) {
                rows = progress.json();
                if (rows.size() == topLevel.size()
                        && StreamSupport.stream(rows.spliterator(), false).allMatch(row -> state.test(row.path("state").asText()))) {
                    return rows;
                }
            }
            Thread.sleep(250);
        }
        return fail("campaign progress not there after 120 s: %s", rows);
    }

    private void createUser(Api.Login login, List<String> groups) {
        CrashSteps.createUser(api, admin, login, groups);
    }
}
