package cn.shequflow.core.files;

import cn.shequflow.core.process.CurrentUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Attachments of a case (issue 19; rules in {@link CaseFiles}, docs/files.md):
 * {@code POST /api/cases/{businessKey}/files} (multipart: {@code file}, optional {@code taskId},
 * {@code kind}, {@code latitude}/{@code longitude}), {@code GET /api/cases/{businessKey}/files},
 * {@code GET /api/files/{id}}, {@code GET /api/files/{id}/thumbnail} and {@code DELETE /api/files/{id}}. A download is never sniffed
 * ({@code nosniff}) nor stored ({@code no-store}); it opens in the browser only for a re-encoded image
 * or a thumbnail, everything else is an attachment.
 */
@io.swagger.v3.oas.annotations.tags.Tag(name = "附件")
@RestController
@RequestMapping("/api")
public class FileController {

  private final CaseFiles files;
  private final CurrentUser currentUser;
  private final FileSettings settings;

  public FileController(CaseFiles files, CurrentUser currentUser, FileSettings settings) {
    this.files = files;
    this.currentUser = currentUser;
    this.settings = settings;
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "上传附件（申请人在提交后尚未审批或退回修改时；待办任务的办理人在该任务中）")
  @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "413",
      description = "文件过大（shequ.files.max-size，默认 10 MB）；field 为 file",
      content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
          schema = @io.swagger.v3.oas.annotations.media.Schema(ref = "#/components/schemas/Error")))
  @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.CREATED)
  @PostMapping(path = "/cases/{businessKey}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public CaseFiles.FileView add(@PathVariable String businessKey,
      @RequestPart(name = "file", required = false) MultipartFile file,
      @RequestParam(required = false) String taskId,
      @io.swagger.v3.oas.annotations.Parameter(description = "photo | medical-certificate | invoice | proof | other")
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String latitude,
      @RequestParam(required = false) String longitude) {
    long size = file == null ? 0 : file.getSize();
    byte[] content;
    try {
      content = file == null || file.isEmpty() && file.getOriginalFilename() == null ? null
          : size > settings.getMaxSize().toBytes() ? null : file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CaseFiles.Upload upload = new CaseFiles.Upload(file == null ? null : file.getOriginalFilename(), size, content,
        taskId, kind, latitude, longitude);
    return files.add(currentUser.id(), businessKey, upload);
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "事项的附件列表（能查看该事项的人）")
  @GetMapping("/cases/{businessKey}/files")
  public List<CaseFiles.FileView> list(@PathVariable String businessKey) {
    return files.list(currentUser.id(), businessKey);
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "下载附件（含个人信息的附件每次下载都记入审计日志）")
  @GetMapping("/files/{id}")
  public ResponseEntity<byte[]> download(@PathVariable long id) {
    return answer(files.open(currentUser.id(), id, false));
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "图片附件的缩略图")
  @GetMapping("/files/{id}/thumbnail")
  public ResponseEntity<byte[]> thumbnail(@PathVariable long id) {
    return answer(files.open(currentUser.id(), id, true));
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "删除附件（上传人本人；事项未办结且上传后尚无人办理）")
  @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.NO_CONTENT)
  @org.springframework.web.bind.annotation.DeleteMapping("/files/{id}")
  public void delete(@PathVariable long id) {
    files.delete(currentUser.id(), id);
  }

  private static ResponseEntity<byte[]> answer(CaseFiles.Download d) {
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_TYPE, d.contentType())
        .header(HttpHeaders.CONTENT_DISPOSITION, FileNames.contentDisposition(d.inline() ? "inline" : "attachment",
            d.name()))
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(d.content());
  }
}
