package cn.shequflow.core.files;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** One row of {@code case_file} (V26, soft delete V27): a file of a case; its bytes are in the store under {@link #storageKey}. */
public record CaseFile(
    Long id,
    String businessKey,
    String taskId,
    String taskName,
    String kind,
    String fileName,
    String contentType,
    long sizeBytes,
    String sha256,
    String storage,
    String storageKey,
    String thumbnailKey,
    BigDecimal latitude,
    BigDecimal longitude,
    String uploadedBy,
    String uploadedByName,
    LocalDateTime uploadedAt,
    LocalDateTime deletedAt,
    String deletedBy) {

  public boolean deleted() {
    return deletedAt != null;
  }
}
