package cn.tuanwu.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** HTTP calls to the running application, as a client would make them; never throws on 4xx/5xx. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    public Response get(String path, Login login) {
        return send(request(path, login).GET());
    }

    /** A GET asking for {@code accept}, e.g. {@code application/hal+json}, which Tasklist asks the filters for. */
    public Response get(String path, Login login, String accept) {
        return send(request(path, login).setHeader("Accept", accept).GET());
    }

    public Response post(String path, String json, Login login) {
        return send(request(path, login).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    public Response put(String path, String json, Login login) {
        return send(request(path, login).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** A multipart/form-data upload with one part named {@code file}. */
    public Response upload(String path, String fileName, byte[] content, Login login) {
        String boundary = "----tuanwu" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path, login).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** The raw bytes of a download. */
    public byte[] download(String path, Login login) {
        try {
            HttpResponse<byte[]> response = client.send(request(path, login).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A download with its status and headers, whatever the status (a problem detail's JSON on an error). */
    public Download fetch(String path, Login login) {
        try {
            HttpResponse<byte[]> response = client.send(request(path, login).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response delete(String path, Login login) {
        return send(request(path, login).DELETE());
    }

    private HttpRequest.Builder request(String path, Login login) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json, */*;q=0.1");
        if (login != null) {
            String token = Base64.getEncoder().encodeToString(
                    (login.userId() + ":" + login.password()).getBytes(StandardCharsets.UTF_8));
            builder.header("Authorization", "Basic " + token);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A user id and password. */
    public record Login(String userId, String password) {
    }

    /** Status, headers and the raw body of a download. */
    public record Download(int status, java.net.http.HttpHeaders headers, byte[] body) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The body as text, for an error's problem detail. */
        public Response asResponse() {
            return new Response(status, new String(body, StandardCharsets.UTF_8));
        }
    }

    /** Status and body; {@link #json()} parses the body. */
    public record Response(int status, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON: " + body, e);
            }
        }

        public String code() {
            return json().path("code").asText();
        }
    }
}
