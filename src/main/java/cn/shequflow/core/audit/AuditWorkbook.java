package cn.shequflow.core.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** The audit log as an .xlsx workbook (Apache POI, streamed): one row per entry, headers in Chinese. */
final class AuditWorkbook {

  static final String[] HEADERS = {"序号", "时间", "操作人", "操作类型", "结果", "对象", "事项编号", "说明", "来源地址", "校验值"};
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private AuditWorkbook() {}

  static byte[] of(List<AuditQuery.Item> items) {
    try (SXSSFWorkbook book = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("审计日志");
      Row header = sheet.createRow(0);
      for (int c = 0; c < HEADERS.length; c++) {
        header.createCell(c).setCellValue(HEADERS[c]);
      }
      int r = 1;
      for (AuditQuery.Item e : items) {
        Row row = sheet.createRow(r++);
        row.createCell(0).setCellValue(e.id());
        row.createCell(1).setCellValue(e.at() == null ? "" : e.at().format(TIME));
        row.createCell(2).setCellValue(e.actorName());
        row.createCell(3).setCellValue(e.actionLabel());
        row.createCell(4).setCellValue(outcomeLabel(e.outcome()));
        row.createCell(5).setCellValue(nz(e.targetLabel()));
        row.createCell(6).setCellValue(nz(e.businessKey()));
        row.createCell(7).setCellValue(nz(e.detail()));
        row.createCell(8).setCellValue(nz(e.client()));
        row.createCell(9).setCellValue(nz(e.hash()));
      }
      book.write(out);
      book.dispose();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String outcomeLabel(String outcome) {
    return switch (outcome == null ? "" : outcome) {
      case AuditEntry.OK -> "成功";
      case AuditEntry.REFUSED -> "拒绝";
      case AuditEntry.FAILED -> "失败";
      default -> nz(outcome);
    };
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
