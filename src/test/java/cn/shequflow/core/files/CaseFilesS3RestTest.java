package cn.shequflow.core.files;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient.Part;
import cn.shequflow.support.RestClient.Response;
import cn.shequflow.support.RestTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 19 with {@code shequ.files.store=s3}: the whole application (REST API, engine, database)
 * keeps the bytes of an upload as objects of the bucket of an S3-compatible store ({@link S3Stub},
 * checking SigV4 signatures), serves them back from there, and a refused upload leaves no object.
 */
class CaseFilesS3RestTest extends RestTestSupport {

  private static final S3Stub S3 = new S3Stub("shequ-attachments");

  @DynamicPropertySource
  static void s3Store(DynamicPropertyRegistry registry) {
    registry.add("shequ.files.store", () -> "s3");
    registry.add("shequ.files.s3.endpoint", S3::endpoint);
    registry.add("shequ.files.s3.region", () -> S3Stub.REGION);
    registry.add("shequ.files.s3.bucket", () -> S3.bucket);
    registry.add("shequ.files.s3.prefix", () -> "cases/");
    registry.add("shequ.files.s3.access-key", () -> S3Stub.ACCESS_KEY);
    registry.add("shequ.files.s3.secret-key", () -> S3Stub.SECRET_KEY);
  }

  @AfterAll
  static void stop() {
    S3.close();
  }

  @Autowired JdbcTemplate jdbc;
  @Autowired FileStore store;

  @Test
  @DisplayName("An upload is kept in the S3 bucket (file and thumbnail, none in file_blob) and downloaded from there; a refused one leaves no object")
  void uploadAndDownloadThroughS3() throws IOException {
    assertThat(store).isInstanceOf(S3FileStore.class);
    String key = start("liu.staff", leave(1)).get("businessKey").asText();
    long blobs = jdbc.queryForObject("select count(*) from file_blob", Long.class);

    Response r = as("liu.staff").postMultipart("/api/cases/" + key + "/files",
        Part.file("file", "现场照片.png", "image/png", CaseFilesRestTest.png(320, 200, "GPS secret")),
        Part.text("kind", "photo"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    long id = r.json().get("id").asLong();
    Map<String, Object> row = jdbc.queryForMap("select storage, storage_key, thumbnail_key from case_file where id = ?", id);
    assertThat(row.get("storage")).isEqualTo("s3");
    String object = "cases/" + row.get("storage_key");
    assertThat(S3.objects).containsKeys(object, "cases/" + row.get("thumbnail_key"));
    assertThat(jdbc.queryForObject("select count(*) from file_blob", Long.class)).isEqualTo(blobs);

    HttpResponse<byte[]> download = as("liu.staff").download("/api/files/" + id);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(S3.objects.get(object));
    assertThat(ImageIO.read(new ByteArrayInputStream(download.body())).getWidth()).isEqualTo(320);
    HttpResponse<byte[]> thumbnail = as("liu.staff").download("/api/files/" + id + "/thumbnail");
    assertThat(thumbnail.statusCode()).isEqualTo(200);
    assertThat(thumbnail.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/jpeg");
    JsonNode listed = as("liu.staff").get("/api/cases/" + key + "/files").json();
    assertThat(listed).hasSize(1);

    // Refused (a viewer who acts on nothing): nothing reaches the bucket.
    int objects = S3.objects.size();
    int requests = S3.requests.size();
    Response refused = as("wang.principal").postMultipart("/api/cases/" + key + "/files",
        Part.file("file", "b.png", "image/png", CaseFilesRestTest.png(20, 20, null)));
    assertThat(refused.status()).as(refused.body()).isEqualTo(403);
    assertThat(S3.objects).hasSize(objects);
    assertThat(S3.requests).hasSize(requests);
    assertThat(S3.refused).isEmpty();

    // Bytes the store has lost are a 404, as for the other stores.
    S3.objects.remove(object);
    assertThat(as("liu.staff").download("/api/files/" + id).statusCode()).isEqualTo(404);
  }
}
