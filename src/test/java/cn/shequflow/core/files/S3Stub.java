package cn.shequflow.core.files;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A small S3-compatible server for tests, on the JDK's HTTP server (loopback only): one bucket,
 * path-style addressing, {@code PUT}, {@code GET}, {@code HEAD} and {@code DELETE} of objects, and
 * nothing else. Every request must be signed with AWS Signature Version 4 by the one access key it
 * knows: the signature is computed again here from the request (canonical request, string to sign,
 * signing key) and a request whose signature or payload hash does not match is refused with 403
 * {@code SignatureDoesNotMatch}, as S3 does. No S3-compatible server that runs inside the JVM
 * without clashing with the application's libraries resolved for the build (docs/files.md).
 */
final class S3Stub implements AutoCloseable {

  static final String ACCESS_KEY = "shequ-test-access";
  static final String SECRET_KEY = "shequ-test-secret-0123456789";
  static final String REGION = "us-east-1";

  private static final Pattern AUTHORIZATION = Pattern.compile(
      "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/s3/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})");

  final String bucket;
  final Map<String, byte[]> objects = new ConcurrentHashMap<>();
  /** Each request as {@code METHOD /path}, in order. */
  final List<String> requests = new CopyOnWriteArrayList<>();
  /** Each request's {@code x-amz-content-sha256} as {@code METHOD hash}, in order. */
  final List<String> payloadHashes = new CopyOnWriteArrayList<>();
  /** Requests refused for their signature. */
  final List<String> refused = new CopyOnWriteArrayList<>();
  private final HttpServer server;

  S3Stub(String bucket) {
    this.bucket = bucket;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Settings of a store on this server. */
  FileSettings.S3 settings() {
    FileSettings.S3 s = new FileSettings.S3();
    s.setEndpoint(endpoint());
    s.setRegion(REGION);
    s.setBucket(bucket);
    s.setAccessKey(ACCESS_KEY);
    s.setSecretKey(SECRET_KEY);
    s.setPathStyleAccess(true);
    return s;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      byte[] body = x.getRequestBody().readAllBytes();
      String method = x.getRequestMethod();
      String path = x.getRequestURI().getRawPath();
      requests.add(method + " " + path);
      payloadHashes.add(method + " " + x.getRequestHeaders().getFirst("x-amz-content-sha256"));
      String problem = signatureProblem(x, body);
      if (problem != null) {
        refused.add(method + " " + path + ": " + problem);
        error(x, 403, "SignatureDoesNotMatch", problem);
        return;
      }
      String prefix = "/" + bucket + "/";
      if (!path.startsWith(prefix) || path.length() == prefix.length()) {
        error(x, 404, "NoSuchBucket", "The specified bucket does not exist");
        return;
      }
      String key = URLDecoder.decode(path.substring(prefix.length()), StandardCharsets.UTF_8);
      switch (method) {
        case "PUT" -> {
          objects.put(key, decodeChunks(x, body));
          x.getResponseHeaders().add("ETag", "\"" + HexFormat.of().formatHex(md5(objects.get(key))) + "\"");
          x.sendResponseHeaders(200, -1);
        }
        case "GET" -> {
          byte[] content = objects.get(key);
          if (content == null) {
            error(x, 404, "NoSuchKey", "The specified key does not exist.");
            return;
          }
          x.getResponseHeaders().add("Content-Type", "application/octet-stream");
          x.sendResponseHeaders(200, content.length == 0 ? -1 : content.length);
          try (OutputStream out = x.getResponseBody()) {
            out.write(content);
          }
        }
        case "HEAD" -> {
          byte[] content = objects.get(key);
          if (content == null) {
            x.sendResponseHeaders(404, -1);
            return;
          }
          x.getResponseHeaders().add("Content-Length", Integer.toString(content.length));
          x.sendResponseHeaders(200, -1);
        }
        case "DELETE" -> {
          objects.remove(key);
          x.sendResponseHeaders(204, -1);
        }
        default -> error(x, 405, "MethodNotAllowed", "The specified method is not allowed");
      }
    } catch (RuntimeException e) {
      error(x, 500, "InternalError", e.toString());
    }
  }

  /** The body, without the {@code aws-chunked} framing if the client sent it that way. */
  private static byte[] decodeChunks(HttpExchange x, byte[] body) {
    String encoding = x.getRequestHeaders().getFirst("Content-Encoding");
    String sha = x.getRequestHeaders().getFirst("x-amz-content-sha256");
    if (!(encoding != null && encoding.contains("aws-chunked") || sha != null && sha.startsWith("STREAMING-"))) {
      return body;
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    int i = 0;
    while (i < body.length) {
      int eol = indexOf(body, i);
      String header = new String(body, i, eol - i, StandardCharsets.US_ASCII);
      int size = Integer.parseInt(header.split(";")[0].trim(), 16);
      i = eol + 2;
      if (size == 0) {
        break;
      }
      out.write(body, i, size);
      i += size + 2;
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] b, int from) {
    for (int i = from; i + 1 < b.length; i++) {
      if (b[i] == '\r' && b[i + 1] == '\n') {
        return i;
      }
    }
    throw new IllegalArgumentException("bad aws-chunked body");
  }

  /** Why the request is not signed by the stub's key (null: it is). */
  private String signatureProblem(HttpExchange x, byte[] body) {
    String authorization = x.getRequestHeaders().getFirst("Authorization");
    String date = x.getRequestHeaders().getFirst("x-amz-date");
    String payloadHash = x.getRequestHeaders().getFirst("x-amz-content-sha256");
    if (authorization == null || date == null || payloadHash == null) {
      return "not signed";
    }
    Matcher m = AUTHORIZATION.matcher(authorization);
    if (!m.matches()) {
      return "not a SigV4 authorization: " + authorization;
    }
    if (!ACCESS_KEY.equals(m.group(1))) {
      return "unknown access key";
    }
    String day = m.group(2);
    String region = m.group(3);
    if (!date.startsWith(day)) {
      return "x-amz-date is not the credential's day";
    }
    boolean streaming = payloadHash.startsWith("STREAMING-");
    if (!streaming && !payloadHash.equals("UNSIGNED-PAYLOAD") && !payloadHash.equals(hex(sha256(body)))) {
      return "payload hash does not match the body";
    }
    List<String> signed = Arrays.asList(m.group(4).split(";"));
    if (!signed.contains("host") || !signed.contains("x-amz-date")) {
      return "host and x-amz-date must be signed";
    }
    StringBuilder headers = new StringBuilder();
    for (String name : signed) {
      List<String> values = x.getRequestHeaders().get(name);
      if (values == null) {
        return "signed header missing: " + name;
      }
      headers.append(name).append(':')
          .append(values.stream().map(v -> v.trim().replaceAll(" +", " ")).collect(Collectors.joining(",")))
          .append('\n');
    }
    String canonical = String.join("\n", x.getRequestMethod(), x.getRequestURI().getRawPath(),
        canonicalQuery(x.getRequestURI().getRawQuery()), headers.toString(), String.join(";", signed), payloadHash);
    String scope = day + "/" + region + "/s3/aws4_request";
    String toSign = "AWS4-HMAC-SHA256\n" + date + "\n" + scope + "\n" + hex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
    byte[] key = hmac(("AWS4" + SECRET_KEY).getBytes(StandardCharsets.UTF_8), day);
    key = hmac(key, region);
    key = hmac(key, "s3");
    key = hmac(key, "aws4_request");
    String expected = hex(hmac(key, toSign));
    return expected.equals(m.group(5)) ? null : "signature does not match";
  }

  private static String canonicalQuery(String raw) {
    if (raw == null || raw.isEmpty()) {
      return "";
    }
    TreeMap<String, List<String>> params = new TreeMap<>();
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    List<String> parts = new ArrayList<>();
    params.forEach((name, values) -> values.stream().sorted().forEach(v -> parts.add(name + "=" + v)));
    return String.join("&", parts);
  }

  private static void error(HttpExchange x, int status, String code, String message) throws IOException {
    if (x.getRequestMethod().equals("HEAD")) {
      x.sendResponseHeaders(status, -1);
      return;
    }
    byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>"
        + message.replace("&", "&amp;").replace("<", "&lt;") + "</Message></Error>").getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", "application/xml");
    x.sendResponseHeaders(status, xml.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(xml);
    }
  }

  private static byte[] sha256(byte[] b) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(b);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] md5(byte[] b) {
    try {
      return MessageDigest.getInstance("MD5").digest(b);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b).toLowerCase(Locale.ROOT);
  }
}
