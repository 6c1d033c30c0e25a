package cn.shequflow.core.files;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Settings under {@code shequ.files.*} (issue 19; see application.yaml and docs/files.md). */
@ConfigurationProperties("shequ.files")
public class FileSettings {

  /** Where the bytes are kept: {@code database} (default), {@code filesystem} or {@code s3}. */
  private String store = "database";
  /** The directory of the file-system store. */
  private Path directory = Path.of("./data/files");
  /** The largest file accepted. */
  private DataSize maxSize = DataSize.ofMegabytes(10);
  /** The most files one case may carry. */
  private int maxPerCase = 20;
  /**
   * The largest image accepted, in pixels (width × height), read from the header before anything is
   * decoded: 24 million (a 6000 × 4000 photo) takes about 100 MB once decoded.
   */
  private long maxPixels = 24_000_000L;
  /** How many images are decoded at once (each may take about 100 MB of heap). */
  private int maxConcurrentDecodes = 2;
  /** How long an upload waits for a decode to be free before it is refused (429). */
  private java.time.Duration decodeWait = java.time.Duration.ofSeconds(20);
  /**
   * Whether the policy of required attachments ({@code requiredAttachments}) refuses completions.
   * On by default: Tasklist uploads on the start form, in 审批记录 and on the task (shequ-files.js),
   * so an office is never stopped at a task it has no way to attach the file to.
   */
  private boolean requiredAttachments = true;
  /**
   * How long the bytes of a file its uploader deleted are kept before the nightly retention removes
   * them (0: at its next run). Nobody relied on such a file (it could be deleted only before anyone
   * acted on the case), and it may hold personal data.
   */
  private java.time.Duration deletedRetention = java.time.Duration.ZERO;
  /** When the file retention runs (China Standard Time): after Camunda's history cleanup window (22:00–06:00). "-": never. */
  private String retentionCron = "0 30 6 * * *";

  public java.time.Duration getDeletedRetention() {
    return deletedRetention;
  }

  public void setDeletedRetention(java.time.Duration deletedRetention) {
    this.deletedRetention = deletedRetention;
  }

  public String getRetentionCron() {
    return retentionCron;
  }

  public void setRetentionCron(String retentionCron) {
    this.retentionCron = retentionCron;
  }

  /** The S3-compatible object store ({@code store: s3}). */
  private final S3 s3 = new S3();

  public S3 getS3() {
    return s3;
  }

  /**
   * {@code shequ.files.s3.*}: an S3-compatible object store (MinIO, a cloud provider's object storage,
   * AWS S3). The bucket must exist; the access key needs only to put, get, head and delete objects in
   * it.
   */
  public static class S3 {
    /** The service's address, e.g. {@code http://minio:9000}; empty for AWS S3 itself (from the region). */
    private String endpoint;
    /** The region the requests are signed for (MinIO accepts any; its default is {@code us-east-1}). */
    private String region = "us-east-1";
    private String bucket;
    /** Put before every key, e.g. {@code shequ-flow/} to share a bucket; empty by default. */
    private String prefix = "";
    private String accessKey;
    private String secretKey;
    /** {@code http://host/bucket/key} (true, what MinIO and most self-hosted stores need) or {@code http://bucket.host/key}. */
    private boolean pathStyleAccess = true;
    private java.time.Duration connectTimeout = java.time.Duration.ofSeconds(5);
    private java.time.Duration readTimeout = java.time.Duration.ofSeconds(30);

    public String getEndpoint() {
      return endpoint;
    }

    public void setEndpoint(String endpoint) {
      this.endpoint = endpoint;
    }

    public String getRegion() {
      return region;
    }

    public void setRegion(String region) {
      this.region = region;
    }

    public String getBucket() {
      return bucket;
    }

    public void setBucket(String bucket) {
      this.bucket = bucket;
    }

    public String getPrefix() {
      return prefix;
    }

    public void setPrefix(String prefix) {
      this.prefix = prefix;
    }

    public String getAccessKey() {
      return accessKey;
    }

    public void setAccessKey(String accessKey) {
      this.accessKey = accessKey;
    }

    public String getSecretKey() {
      return secretKey;
    }

    public void setSecretKey(String secretKey) {
      this.secretKey = secretKey;
    }

    public boolean isPathStyleAccess() {
      return pathStyleAccess;
    }

    public void setPathStyleAccess(boolean pathStyleAccess) {
      this.pathStyleAccess = pathStyleAccess;
    }

    public java.time.Duration getConnectTimeout() {
      return connectTimeout;
    }

    public void setConnectTimeout(java.time.Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
    }

    public java.time.Duration getReadTimeout() {
      return readTimeout;
    }

    public void setReadTimeout(java.time.Duration readTimeout) {
      this.readTimeout = readTimeout;
    }
  }

  public boolean isRequiredAttachments() {
    return requiredAttachments;
  }

  public void setRequiredAttachments(boolean requiredAttachments) {
    this.requiredAttachments = requiredAttachments;
  }

  public String getStore() {
    return store;
  }

  public void setStore(String store) {
    this.store = store;
  }

  public Path getDirectory() {
    return directory;
  }

  public void setDirectory(Path directory) {
    this.directory = directory;
  }

  public DataSize getMaxSize() {
    return maxSize;
  }

  public void setMaxSize(DataSize maxSize) {
    this.maxSize = maxSize;
  }

  public int getMaxPerCase() {
    return maxPerCase;
  }

  public void setMaxPerCase(int maxPerCase) {
    this.maxPerCase = maxPerCase;
  }

  public int getMaxConcurrentDecodes() {
    return maxConcurrentDecodes;
  }

  public void setMaxConcurrentDecodes(int maxConcurrentDecodes) {
    this.maxConcurrentDecodes = maxConcurrentDecodes;
  }

  public java.time.Duration getDecodeWait() {
    return decodeWait;
  }

  public void setDecodeWait(java.time.Duration decodeWait) {
    this.decodeWait = decodeWait;
  }

  public long getMaxPixels() {
    return maxPixels;
  }

  public void setMaxPixels(long maxPixels) {
    this.maxPixels = maxPixels;
  }
}
