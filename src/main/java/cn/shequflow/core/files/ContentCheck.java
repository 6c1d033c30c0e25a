package cn.shequflow.core.files;

import cn.shequflow.core.process.InvalidInputException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

/**
 * What an upload is, from its content alone (Apache Tika's magic, never the name nor the type the
 * client sent), against the allow-list {@link #ALLOWED}. An image is decoded and re-encoded from its
 * pixels: whatever else the file carried (EXIF with the camera's position, comments, trailing data, a
 * script disguised as a picture) is gone. Each image also gets a thumbnail. PDFs are kept as sent and
 * only ever served as downloads.
 *
 * <p>Decoding is guarded, since a small file may unpack to gigabytes: the size in pixels is read from
 * the header alone ({@link #dimensions}, no pixel decoded) and held to {@code shequ.files.max-pixels}
 * (24 million); at most {@code max-concurrent-decodes} images are decoded at once (an upload waits
 * {@code decode-wait} for its turn, then gets 429); running out of memory while decoding is a refusal,
 * never a crash. A JPEG's EXIF orientation (a phone held upright) is applied before re-encoding, so
 * the picture is kept the way it was taken. The bytes kept are held to {@code max-size} again (an
 * image may grow when re-encoded; MariaDB's {@code max_allowed_packet}). A CMYK or YCCK JPEG
 * (printing, some scanners), which the JDK cannot decode, is decoded by TwelveMonkeys' JPEG reader
 * ({@code imageio-jpeg}, an ImageIO plug-in; its embedded ICC profile or a standard CMYK profile) and
 * kept as an RGB JPEG like any other; one that cannot be converted is refused with a message that
 * says so.
 */
@Component
public class ContentCheck {

  public static final String JPEG = "image/jpeg";
  public static final String PNG = "image/png";
  public static final String PDF = "application/pdf";
  /** The accepted types (WebP and HEIC are not: the JDK cannot decode them to check them). */
  public static final Set<String> ALLOWED = Set.of(JPEG, PNG, PDF);
  static final int THUMBNAIL_EDGE = 320;

  /**
   * The content as it will be kept: its type, its bytes (re-encoded for an image), an image's
   * thumbnail, and where a JPEG says it was taken (its EXIF GPS data, the only fact kept from it;
   * null when none).
   */
  public record Checked(String contentType, byte[] content, byte[] thumbnail, Location location) {
    public Checked(String contentType, byte[] content, byte[] thumbnail) {
      this(contentType, content, thumbnail, null);
    }

    public boolean image() {
      return thumbnail != null;
    }
  }

  /** An image's size as its header gives it. */
  public record Dimensions(int width, int height) {
    public long pixels() {
      return (long) width * height;
    }
  }

  /** Decodes the image the reader is set on (tests replace it to simulate running out of memory). */
  @FunctionalInterface
  interface Decoder {
    BufferedImage decode(ImageReader reader) throws IOException;
  }

  private final Tika tika = new Tika();
  private final FileSettings settings;
  /** The decodes that may run at once ({@code shequ.files.max-concurrent-decodes}). */
  final Semaphore decodes;
  Decoder decoder = reader -> reader.read(0);

  public ContentCheck(FileSettings settings) {
    // The ImageIO plug-ins on the class path (TwelveMonkeys' JPEG reader) are registered whichever
    // class loader first touched ImageIO (in a packaged application, it may not have seen them).
    ImageIO.scanForPlugins();
    this.settings = settings;
    this.decodes = new Semaphore(Math.max(1, settings.getMaxConcurrentDecodes()), true);
  }

  /** The content as it will be kept, or the refusal (400, 413 or 429 naming {@code file}). */
  public Checked check(byte[] content) {
    if (content == null || content.length == 0) {
      throw new InvalidInputException("file", "文件为空");
    }
    String type = tika.detect(content);
    if (!ALLOWED.contains(type)) {
      throw new InvalidInputException("file", "不支持的文件类型（" + type + "）：只接受 JPEG、PNG 图片和 PDF 文件");
    }
    if (type.equals(PDF)) {
      return new Checked(PDF, content, null);
    }
    Dimensions size = dimensions(content);
    long maxPixels = settings.getMaxPixels();
    if (size.pixels() > maxPixels) {
      throw new InvalidInputException("file", "图片尺寸过大（" + size.width() + " × " + size.height() + "）：最多 "
          + maxPixels / 10_000 + " 万像素，请缩小后重新上传");
    }
    byte[] kept;
    byte[] thumbnail;
    acquire();
    try {
      BufferedImage image;
      try {
        image = decode(content);
      } catch (InvalidInputException e) {
        if (type.equals(JPEG) && jpegComponents(content) == 4) {
          throw new InvalidInputException("file", "这张 CMYK 色彩模式的 JPEG 图片无法转换（常见于印刷用图片和部分扫描件）："
              + "请在图片软件中另存为 RGB 色彩的 JPEG 或 PNG 后重新上传");
        }
        throw e;
      }
      if (type.equals(JPEG)) {
        image = oriented(image, orientation(content));
      }
      kept = encode(image, type);
      thumbnail = encode(thumbnail(image), JPEG);
    } catch (OutOfMemoryError e) {
      throw tooLargeToDecode();
    } finally {
      decodes.release();
    }
    long max = settings.getMaxSize().toBytes();
    if (kept.length > max) {
      throw new FileTooLargeException("file", "文件过大：图片处理后超过每个附件最大 " + CaseFiles.megabytes(max)
          + "，请缩小或压缩后重新上传");
    }
    return new Checked(type, kept, thumbnail, type.equals(JPEG) ? location(content) : null);
  }

  private void acquire() {
    try {
      if (!decodes.tryAcquire(settings.getDecodeWait().toMillis(), TimeUnit.MILLISECONDS)) {
        throw new FileBusyException("file", "正在处理的图片较多，请稍后重新上传");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FileBusyException("file", "正在处理的图片较多，请稍后重新上传");
    }
  }

  private static InvalidInputException tooLargeToDecode() {
    return new InvalidInputException("file", "图片过大，服务器无法处理：请缩小后重新上传");
  }

  /** The image's width and height from its header, without decoding a pixel; 400 if it has none. */
  public Dimensions dimensions(byte[] content) {
    return read(content, reader -> new Dimensions(reader.getWidth(0), reader.getHeight(0)));
  }

  private BufferedImage decode(byte[] content) {
    return read(content, reader -> {
      BufferedImage image = decoder.decode(reader);
      if (image == null || image.getWidth() < 1 || image.getHeight() < 1) {
        throw unreadable();
      }
      return image;
    });
  }

  private interface ReaderUse<T> {
    T apply(ImageReader reader) throws IOException;
  }

  /** Runs {@code use} on a reader of the image; anything unreadable is 400 naming {@code file}. */
  private <T> T read(byte[] content, ReaderUse<T> use) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
      ImageReader reader = readerOf(in);
      try {
        reader.setInput(in, true, true);
        return use.apply(reader);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidInputException invalid) {
        throw invalid;
      }
      throw unreadable();
    }
  }

  private static ImageReader readerOf(ImageInputStream in) {
    Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
    if (readers == null || !readers.hasNext()) {
      throw unreadable();
    }
    return readers.next();
  }

  private static InvalidInputException unreadable() {
    return new InvalidInputException("file", "图片无法读取，可能已损坏或不是 JPEG、PNG 图片");
  }

  /**
   * The number of colour components in a JPEG's frame header (SOF): 1 grey, 3 colour (YCbCr/RGB), 4
   * CMYK or YCCK; -1 if there is no frame header before the scan.
   */
  static int jpegComponents(byte[] b) {
    int i = 2;
    while (i + 3 < b.length) {
      if ((b[i] & 0xFF) != 0xFF) {
        return -1;
      }
      int marker = b[i + 1] & 0xFF;
      if (marker == 0xFF) {
        i++;
        continue;
      }
      if (marker == 0xD8 || marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) {
        i += 2;
        continue;
      }
      if (marker == 0xDA || marker == 0xD9) {
        return -1;
      }
      boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (frame) {
        return i + 9 < b.length ? b[i + 9] & 0xFF : -1;
      }
      i += 2 + u16(b, i + 2, true);
    }
    return -1;
  }

  /** Where a JPEG's EXIF (TIFF) data lies: its start, its end, its byte order. */
  private record Exif(int tiff, int end, boolean big) {}

  /** The EXIF data of a JPEG's APP1 {@code Exif} segment, or null when there is none. */
  private static Exif exif(byte[] b) {
    if (b.length < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) {
      return null;
    }
    int i = 2;
    while (i + 3 < b.length && (b[i] & 0xFF) == 0xFF) {
      int marker = b[i + 1] & 0xFF;
      if (marker == 0xDA || marker == 0xD9) {
        return null;
      }
      int length = u16(b, i + 2, true);
      if (marker == 0xE1 && length >= 8 && i + 10 <= b.length
          && new String(b, i + 4, 6, java.nio.charset.StandardCharsets.ISO_8859_1).equals("Exif\0\0")) {
        int tiff = i + 10;
        int end = Math.min(b.length, i + 2 + length);
        if (tiff + 8 > end) {
          return null;
        }
        boolean big = b[tiff] == 'M' && b[tiff + 1] == 'M';
        if (!big && !(b[tiff] == 'I' && b[tiff + 1] == 'I')) {
          return null;
        }
        return new Exif(tiff, end, big);
      }
      i += 2 + length;
    }
    return null;
  }

  /**
   * The entry of {@code tag} in the IFD at {@code ifd} (an offset from the TIFF start): the position of
   * its 12 bytes, or -1 when the IFD does not hold it or lies outside the segment.
   */
  private static int entry(byte[] b, Exif x, long ifd, int tag) {
    if (ifd < 8 || x.tiff() + ifd + 2 > x.end()) {
      return -1;
    }
    int entries = u16(b, (int) (x.tiff() + ifd), x.big());
    for (int e = 0; e < entries; e++) {
      long at = x.tiff() + ifd + 2 + 12L * e;
      if (at + 12 > x.end()) {
        return -1;
      }
      if (u16(b, (int) at, x.big()) == tag) {
        return (int) at;
      }
    }
    return -1;
  }

  /**
   * A JPEG's EXIF orientation (tag 0x0112 of IFD0 in its APP1 {@code Exif} segment): 1 to 8, 1 when
   * there is none or it cannot be read. A minimal reader of that one tag, in either byte order.
   */
  static int orientation(byte[] b) {
    try {
      Exif x = exif(b);
      if (x == null) {
        return 1;
      }
      int e = entry(b, x, u32(b, x.tiff() + 4, x.big()), 0x0112);
      if (e < 0 || u16(b, e + 2, x.big()) != 3) {
        return 1;
      }
      int value = u16(b, e + 8, x.big());
      return value >= 1 && value <= 8 ? value : 1;
    } catch (IndexOutOfBoundsException e) {
      return 1;
    }
  }

  /** Where a photo was taken, in decimal degrees (north and east positive). */
  public record Location(java.math.BigDecimal latitude, java.math.BigDecimal longitude) {}

  /**
   * A JPEG's position from its EXIF GPS data (the GPS IFD, tag 0x8825 of IFD0: latitude 0x0002 with
   * its reference 0x0001 N/S, longitude 0x0004 with 0x0003 E/W, as degrees, minutes and seconds),
   * to 6 decimals; null when there is none, it is incomplete, out of range, marked void (0x0009
   * {@code V}) or exactly 0, 0 (what some cameras write without a fix). A minimal reader of those
   * tags, in either byte order.
   */
  static Location location(byte[] b) {
    try {
      Exif x = exif(b);
      if (x == null) {
        return null;
      }
      int pointer = entry(b, x, u32(b, x.tiff() + 4, x.big()), 0x8825);
      if (pointer < 0) {
        return null;
      }
      long gps = u32(b, pointer + 8, x.big());
      int status = entry(b, x, gps, 0x0009);
      if (status >= 0 && b[status + 8] == 'V') {
        return null;
      }
      Double latitude = degrees(b, x, gps, 0x0001, 0x0002, 'N', 'S', 90);
      Double longitude = degrees(b, x, gps, 0x0003, 0x0004, 'E', 'W', 180);
      if (latitude == null || longitude == null || latitude == 0 && longitude == 0) {
        return null;
      }
      return new Location(java.math.BigDecimal.valueOf(latitude).setScale(6, java.math.RoundingMode.HALF_UP),
          java.math.BigDecimal.valueOf(longitude).setScale(6, java.math.RoundingMode.HALF_UP));
    } catch (IndexOutOfBoundsException e) {
      return null;
    }
  }

  /** One coordinate: the reference (ASCII, one letter) and three RATIONALs; null when unreadable. */
  private static Double degrees(byte[] b, Exif x, long gps, int refTag, int valueTag, char plus, char minus,
      int limit) {
    int ref = entry(b, x, gps, refTag);
    int value = entry(b, x, gps, valueTag);
    if (ref < 0 || value < 0 || u16(b, ref + 2, x.big()) != 2 || u16(b, value + 2, x.big()) != 5
        || u32(b, value + 4, x.big()) != 3) {
      return null;
    }
    char sign = (char) b[ref + 8];
    if (sign != plus && sign != minus) {
      return null;
    }
    long at = x.tiff() + u32(b, value + 8, x.big());
    if (at + 24 > x.end()) {
      return null;
    }
    double total = 0;
    double unit = 1;
    for (int k = 0; k < 3; k++) {
      long numerator = u32(b, (int) (at + 8L * k), x.big());
      long denominator = u32(b, (int) (at + 8L * k + 4), x.big());
      if (denominator == 0) {
        return null;
      }
      total += (double) numerator / denominator / unit;
      unit *= 60;
    }
    if (total > limit) {
      return null;
    }
    return sign == minus ? -total : total;
  }

  private static int u16(byte[] b, int at, boolean big) {
    int a = b[at] & 0xFF;
    int c = b[at + 1] & 0xFF;
    return big ? a << 8 | c : c << 8 | a;
  }

  private static long u32(byte[] b, int at, boolean big) {
    long hi = u16(b, big ? at : at + 2, big);
    long lo = u16(b, big ? at + 2 : at, big);
    return hi << 16 | lo;
  }

  /** The image turned (and mirrored) the way EXIF orientation {@code o} says it is to be shown. */
  static BufferedImage oriented(BufferedImage image, int o) {
    if (o <= 1 || o > 8) {
      return image;
    }
    int w = image.getWidth();
    int h = image.getHeight();
    AffineTransform t = switch (o) {
      case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
      case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
      case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
      case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
      case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
      case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
      default -> new AffineTransform(0, -1, 1, 0, 0, w);
    };
    boolean turned = o >= 5;
    BufferedImage out = new BufferedImage(turned ? h : w, turned ? w : h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, out.getWidth(), out.getHeight());
      g.drawImage(image, t, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  /** The pixels alone, in {@code type}: JPEG without alpha at quality 0.9, PNG as it is. */
  static byte[] encode(BufferedImage image, String type) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (type.equals(PNG)) {
        if (!ImageIO.write(image, "png", out)) {
          ImageIO.write(rgb(image), "png", out);
        }
        return out.toByteArray();
      }
      ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
      try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
        writer.setOutput(stream);
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
        writer.write(null, new IIOImage(rgb(image), null, null), param);
      } finally {
        writer.dispose();
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The image on a white background, without alpha (what JPEG can hold). */
  private static BufferedImage rgb(BufferedImage image) {
    if (image.getType() == BufferedImage.TYPE_INT_RGB) {
      return image;
    }
    BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = rgb.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return rgb;
  }

  /** At most {@link #THUMBNAIL_EDGE} pixels on its longer side. */
  static BufferedImage thumbnail(BufferedImage image) {
    double scale = Math.min(1.0, (double) THUMBNAIL_EDGE / Math.max(image.getWidth(), image.getHeight()));
    int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
    int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
    BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = small.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, w, h);
      g.drawImage(image, 0, 0, w, h, null);
    } finally {
      g.dispose();
    }
    return small;
  }
}
