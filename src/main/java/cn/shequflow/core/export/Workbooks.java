package cn.shequflow.core.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.MediaType;

/**
 * Lists as .xlsx workbooks (Apache POI, streamed): a bold, frozen header row in Chinese, then a row
 * per item. Cells keep their type, so that an office can sum and sort in Excel: whole numbers and
 * amounts are numbers (amounts with two decimals), dates are dates ({@code yyyy-mm-dd}), times are
 * date-times in China Standard Time, yes/no is 是/否; anything else is text, cut to Excel's cell limit.
 */
public final class Workbooks {

  public static final String XLSX_VALUE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  public static final MediaType XLSX = MediaType.parseMediaType(XLSX_VALUE);

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  /** Excel keeps at most 32,767 characters in a cell. */
  private static final int MAX_CELL = 32_767;

  private Workbooks() {}

  public static <T> byte[] xlsx(String sheetName, List<Column<T>> columns, List<T> rows) {
    try (SXSSFWorkbook book = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(sheetName));
      CellStyle headerStyle = book.createCellStyle();
      Font bold = book.createFont();
      bold.setBold(true);
      headerStyle.setFont(bold);
      CellStyle date = book.createCellStyle();
      date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
      CellStyle dateTime = book.createCellStyle();
      dateTime.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
      CellStyle amount = book.createCellStyle();
      amount.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));

      Row header = sheet.createRow(0);
      for (int c = 0; c < columns.size(); c++) {
        Cell cell = header.createCell(c);
        cell.setCellValue(columns.get(c).header());
        cell.setCellStyle(headerStyle);
        // Wide enough for the header and a typical value (CJK characters count double).
        sheet.setColumnWidth(c, Math.min(60, Math.max(12, columns.get(c).header().length() * 2 + 4)) * 256);
      }
      sheet.createFreezePane(0, 1);
      int r = 1;
      for (T item : rows) {
        Row row = sheet.createRow(r++);
        for (int c = 0; c < columns.size(); c++) {
          Object value = columns.get(c).value().apply(item);
          if (value == null) {
            continue;
          }
          Cell cell = row.createCell(c);
          if (value instanceof BigDecimal d) {
            cell.setCellValue(d.doubleValue());
            cell.setCellStyle(amount);
          } else if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
          } else if (value instanceof Boolean b) {
            cell.setCellValue(b ? "是" : "否");
          } else if (value instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(date);
          } else if (value instanceof LocalDateTime t) {
            cell.setCellValue(t);
            cell.setCellStyle(dateTime);
          } else if (value instanceof OffsetDateTime t) {
            cell.setCellValue(t.atZoneSameInstant(ZONE).toLocalDateTime());
            cell.setCellStyle(dateTime);
          } else if (value instanceof Instant t) {
            cell.setCellValue(LocalDateTime.ofInstant(t, ZONE));
            cell.setCellStyle(dateTime);
          } else if (value instanceof Date t) {
            cell.setCellValue(LocalDateTime.ofInstant(t.toInstant(), ZONE));
            cell.setCellStyle(dateTime);
          } else {
            String text = value.toString();
            cell.setCellValue(text.length() > MAX_CELL ? text.substring(0, MAX_CELL - 1) + "…" : text);
          }
        }
      }
      book.write(out);
      book.dispose();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
