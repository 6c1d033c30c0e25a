package cn.shequflow.core.files;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Settings under {@code shequ.files.*} (issue 19; see application.yaml and docs/files.md). */
@ConfigurationProperties("shequ.files")
public class FileSettings {

  /** Where the bytes are kept: {@code database} (default) or {@code filesystem}. */
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
