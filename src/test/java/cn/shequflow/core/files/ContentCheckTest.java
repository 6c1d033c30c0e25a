package cn.shequflow.core.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shequflow.core.process.InvalidInputException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * Issue 19 hardening of {@link ContentCheck}: the size in pixels is read from the header before
 * anything is decoded (at most 24 MP by default), decodes are few at a time, running out of memory
 * while decoding is a refusal, EXIF orientation is applied, the re-encoded bytes are held to the size
 * limit again, and a CMYK JPEG is converted to RGB.
 */
class ContentCheckTest {

  private static FileSettings settings() {
    FileSettings s = new FileSettings();
    s.setDecodeWait(Duration.ZERO);
    return s;
  }

  /** A PNG whose header claims {@code width} × {@code height} pixels, with no pixel data at all. */
  static byte[] pngHeaderOnly(int width, int height) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
      ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
      ihdr.write(int32(width));
      ihdr.write(int32(height));
      ihdr.write(new byte[] {8, 2, 0, 0, 0});
      chunk(out, "IHDR", ihdr.toByteArray());
      chunk(out, "IEND", new byte[0]);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] int32(int v) {
    return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
    out.write(int32(data.length));
    byte[] typeAndData = new byte[4 + data.length];
    System.arraycopy(type.getBytes(StandardCharsets.US_ASCII), 0, typeAndData, 0, 4);
    System.arraycopy(data, 0, typeAndData, 4, data.length);
    out.write(typeAndData);
    CRC32 crc = new CRC32();
    crc.update(typeAndData);
    out.write(int32((int) crc.getValue()));
  }

  static byte[] jpeg(BufferedImage image, float quality) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
      try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
        writer.setOutput(stream);
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        writer.write(null, new IIOImage(image, null, null), param);
      } finally {
        writer.dispose();
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A 40 × 20 JPEG, left half red and right half blue, carrying an EXIF APP1 segment (big-endian
   * TIFF) whose Orientation tag (0x0112) is {@code orientation}: what a phone held upright writes (6).
   */
  static byte[] jpegWithOrientation(int orientation) {
    BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, 20, 20);
    g.setColor(Color.BLUE);
    g.fillRect(20, 0, 20, 20);
    g.dispose();
    byte[] plain = jpeg(image, 0.95f);
    ByteArrayOutputStream tiff = new ByteArrayOutputStream();
    tiff.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8}); // header, IFD0 at 8
    tiff.writeBytes(new byte[] {0, 1}); // one entry
    tiff.writeBytes(new byte[] {0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0}); // SHORT, count 1
    tiff.writeBytes(new byte[] {0, 0, 0, 0}); // no next IFD
    byte[] payload = tiff.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0xFF);
    out.write(0xD8);
    int length = 2 + 6 + payload.length;
    out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >>> 8), (byte) length});
    out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(payload);
    out.write(plain, 2, plain.length - 2);
    return out.toByteArray();
  }

  /**
   * A 40 × 20 JPEG whose EXIF (APP1, TIFF in either byte order) holds orientation 1 and a GPS IFD
   * (tag 0x8825) with the position {@code latitude}, {@code longitude} (decimal degrees, negative south
   * and west) as a phone writes it: references N/S and E/W, degrees, minutes and seconds as RATIONALs;
   * {@code status} 'A' or 'V' (void) adds tag 0x0009, 0 leaves it out.
   */
  static byte[] jpegWithGps(double latitude, double longitude, boolean littleEndian, char status) {
    BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
    byte[] plain = jpeg(image, 0.9f);
    int gpsEntries = status == 0 ? 4 : 5;
    int gpsAt = 8 + 2 + 2 * 12 + 4;
    int dataAt = gpsAt + 2 + gpsEntries * 12 + 4;
    java.nio.ByteBuffer t = java.nio.ByteBuffer.allocate(dataAt + 48)
        .order(littleEndian ? java.nio.ByteOrder.LITTLE_ENDIAN : java.nio.ByteOrder.BIG_ENDIAN);
    t.put(littleEndian ? new byte[] {'I', 'I'} : new byte[] {'M', 'M'}).putShort((short) 42).putInt(8);
    t.putShort((short) 2);
    t.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) 1).putShort((short) 0);
    t.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsAt);
    t.putInt(0);
    t.putShort((short) gpsEntries);
    t.putShort((short) 0x0001).putShort((short) 2).putInt(2).put(new byte[] {(byte) (latitude < 0 ? 'S' : 'N'), 0, 0, 0});
    t.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(dataAt);
    t.putShort((short) 0x0003).putShort((short) 2).putInt(2).put(new byte[] {(byte) (longitude < 0 ? 'W' : 'E'), 0, 0, 0});
    t.putShort((short) 0x0004).putShort((short) 5).putInt(3).putInt(dataAt + 24);
    if (status != 0) {
      t.putShort((short) 0x0009).putShort((short) 2).putInt(2).put(new byte[] {(byte) status, 0, 0, 0});
    }
    t.putInt(0);
    for (double v : new double[] {Math.abs(latitude), Math.abs(longitude)}) {
      int degrees = (int) v;
      int minutes = (int) ((v - degrees) * 60);
      long seconds = Math.round(((v - degrees) * 60 - minutes) * 60 * 10_000);
      t.putInt(degrees).putInt(1).putInt(minutes).putInt(1).putInt((int) seconds).putInt(10_000);
    }
    byte[] payload = t.array();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0xFF);
    out.write(0xD8);
    int length = 2 + 6 + payload.length;
    out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >>> 8), (byte) length});
    out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(payload);
    out.write(plain, 2, plain.length - 2);
    return out.toByteArray();
  }

  /** A JPEG of four channels (CMYK), as printing and some scanners write: a gradient. */
  static byte[] cmykJpeg() {
    return cmykJpeg(16, 16, (x, y) -> new int[] {x * 10, y * 10, 50, 20});
  }

  @Test
  @DisplayName("The size in pixels comes from the header alone: a 50-megapixel PNG of no pixel data is refused (field file) without decoding")
  void headerDimensionsRefuseLargeImages() {
    byte[] bomb = pngHeaderOnly(10_000, 5_000);
    ContentCheck check = new ContentCheck(settings());
    ContentCheck.Dimensions d = check.dimensions(bomb);
    assertThat(d.width()).isEqualTo(10_000);
    assertThat(d.height()).isEqualTo(5_000);
    assertThat(new FileSettings().getMaxPixels()).isEqualTo(24_000_000L);
    check.decoder = reader -> {
      throw new AssertionError("decoded");
    };
    assertThatThrownBy(() -> check.check(bomb)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
      assertThat(e.getField()).isEqualTo("file");
      assertThat(e.getReason()).contains("2400 万像素");
    });
  }

  @Test
  @DisplayName("Running out of memory while decoding is a refusal naming file, not a crash; the decode permit is given back")
  void outOfMemoryIsARefusal() {
    ContentCheck check = new ContentCheck(settings());
    check.decoder = reader -> {
      throw new OutOfMemoryError("Java heap space");
    };
    assertThatThrownBy(() -> check.check(CaseFilesRestTest.png(20, 20, null)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.getField()).isEqualTo("file");
          assertThat(e.getReason()).contains("过大");
        });
    assertThat(check.decodes.availablePermits()).isEqualTo(new FileSettings().getMaxConcurrentDecodes());
  }

  @Test
  @DisplayName("Only a few images are decoded at once: with every permit taken, an upload is refused (429, field file)")
  void concurrentDecodesLimited() throws InterruptedException {
    FileSettings s = settings();
    s.setMaxConcurrentDecodes(1);
    ContentCheck check = new ContentCheck(s);
    check.decodes.acquire();
    try {
      assertThatThrownBy(() -> check.check(CaseFilesRestTest.png(20, 20, null)))
          .isInstanceOfSatisfying(FileBusyException.class, e -> assertThat(e.getField()).isEqualTo("file"));
    } finally {
      check.decodes.release();
    }
    assertThat(check.check(CaseFilesRestTest.png(20, 20, null)).image()).isTrue();
  }

  @Test
  @DisplayName("EXIF orientation 6 (a phone held upright) is applied: a 40×20 sensor image is stored 20×40, its left side on top")
  void exifOrientationApplied() throws IOException {
    ContentCheck check = new ContentCheck(settings());
    byte[] upright = jpegWithOrientation(6);
    assertThat(ContentCheck.orientation(upright)).isEqualTo(6);
    ContentCheck.Checked checked = check.check(upright);
    BufferedImage stored = ImageIO.read(new ByteArrayInputStream(checked.content()));
    assertThat(stored.getWidth()).isEqualTo(20);
    assertThat(stored.getHeight()).isEqualTo(40);
    assertThat(new Color(stored.getRGB(10, 5)).getRed()).isGreaterThan(200); // the red left half is now on top
    assertThat(new Color(stored.getRGB(10, 35)).getBlue()).isGreaterThan(200);
    // No EXIF left in what is stored.
    assertThat(new String(checked.content(), StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
    BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(checked.thumbnail()));
    assertThat(thumb.getHeight()).isGreaterThan(thumb.getWidth());
    // Orientation 1 and none leave the image as it is.
    BufferedImage plain = ImageIO.read(new ByteArrayInputStream(check.check(jpegWithOrientation(1)).content()));
    assertThat(plain.getWidth()).isEqualTo(40);
    assertThat(ContentCheck.orientation(CaseFilesRestTest.png(5, 5, null))).isEqualTo(1);
    // Orientation 3 turns it upside down, 8 a quarter turn the other way.
    BufferedImage turned = ImageIO.read(new ByteArrayInputStream(check.check(jpegWithOrientation(8)).content()));
    assertThat(turned.getHeight()).isEqualTo(40);
    assertThat(new Color(turned.getRGB(10, 35)).getRed()).isGreaterThan(200);
  }

  @Test
  @DisplayName("The size limit holds for the bytes kept: an image that grows past it when re-encoded is refused (413, field file)")
  void sizeRecheckedAfterReencoding() {
    BufferedImage noise = new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(19);
    for (int x = 0; x < 300; x++) {
      for (int y = 0; y < 300; y++) {
        noise.setRGB(x, y, random.nextInt(0x1000000));
      }
    }
    byte[] sent = jpeg(noise, 0.05f);
    FileSettings s = settings();
    s.setMaxSize(DataSize.ofBytes(sent.length + 1));
    ContentCheck check = new ContentCheck(s);
    assertThatThrownBy(() -> check.check(sent)).isInstanceOfSatisfying(FileTooLargeException.class, e -> {
      assertThat(e.getField()).isEqualTo("file");
      assertThat(e.getReason()).contains("处理后");
    });
  }

  /**
   * A CMYK JPEG of one colour as Photoshop writes it: an Adobe APP14 segment (transform 0: the four
   * samples are stored as they are, no colour transform) and inverted samples (255 is no ink), so
   * {@code ink} gives the cyan, magenta, yellow and black ink from 0 to 255.
   */
  static byte[] adobeCmykJpeg(int width, int height, int[] ink) {
    byte[] plain = cmykJpeg(width, height, new int[] {255 - ink[0], 255 - ink[1], 255 - ink[2], 255 - ink[3]});
    byte[] app14 = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
    byte[] out = new byte[plain.length + app14.length];
    System.arraycopy(plain, 0, out, 0, 2);
    System.arraycopy(app14, 0, out, 2, app14.length);
    System.arraycopy(plain, 2, out, 2 + app14.length, plain.length - 2);
    return out;
  }

  /** A JPEG of four channels of one colour, {@code samples} as written, without any marker saying what they are. */
  static byte[] cmykJpeg(int width, int height, int[] samples) {
    return cmykJpeg(width, height, (x, y) -> samples);
  }

  /** A JPEG of four channels, each pixel's samples as {@code pixel} gives them, without any colour marker. */
  static byte[] cmykJpeg(int width, int height, java.util.function.BiFunction<Integer, Integer, int[]> pixel) {
    try {
      WritableRaster raster = Raster.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_BYTE, width, height, 4,
          null);
      for (int x = 0; x < width; x++) {
        for (int y = 0; y < height; y++) {
          raster.setPixel(x, y, pixel.apply(x, y));
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
      try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
        writer.setOutput(stream);
        writer.write(null, new IIOImage(raster, null, null), writer.getDefaultWriteParam());
      } finally {
        writer.dispose();
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }


  @Test
  @DisplayName("A CMYK JPEG is converted, not refused: kept as an RGB JPEG of the same size with a thumbnail")
  void cmykConvertedToRgb() throws IOException {
    byte[] cmyk = cmykJpeg();
    assertThat(ContentCheck.jpegComponents(cmyk)).isEqualTo(4);
    assertThat(ContentCheck.jpegComponents(adobeCmykJpeg(8, 8, new int[] {0, 0, 0, 0}))).isEqualTo(4);
    ContentCheck.Checked checked = new ContentCheck(settings()).check(cmyk);
    assertThat(checked.contentType()).isEqualTo(ContentCheck.JPEG);
    assertThat(ContentCheck.jpegComponents(checked.content())).isEqualTo(3);
    BufferedImage kept = ImageIO.read(new java.io.ByteArrayInputStream(checked.content()));
    assertThat(kept.getWidth()).isEqualTo(16);
    assertThat(kept.getHeight()).isEqualTo(16);
    assertThat(checked.thumbnail()).isNotNull();
  }

  @Test
  @DisplayName("A CMYK JPEG as Photoshop writes it (Adobe marker, inverted samples) keeps its colours in RGB: no ink white, black ink black, cyan cyan, magenta and yellow red")
  void cmykColoursKept() throws IOException {
    assertColour(new int[] {0, 0, 0, 0}, 255, 255, 255);
    assertColour(new int[] {0, 0, 0, 255}, 0, 0, 0);
    assertColour(new int[] {255, 0, 0, 0}, 0, 255, 255);
    assertColour(new int[] {0, 255, 255, 0}, 255, 0, 0);
  }

  @Test
  @DisplayName("A CMYK JPEG still meets the limits: its pixels are counted from the header before decoding (refused over max-pixels, naming file)")
  void cmykHeldToPixelLimit() {
    FileSettings s = settings();
    s.setMaxPixels(100);
    assertThatThrownBy(() -> new ContentCheck(s).check(adobeCmykJpeg(16, 16, new int[] {0, 0, 0, 0})))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.getField()).isEqualTo("file");
          assertThat(e.getReason()).contains("16 × 16");
        });
  }

  private static void assertColour(int[] ink, int r, int g, int b) throws IOException {
    byte[] kept = new ContentCheck(settings()).check(adobeCmykJpeg(8, 8, ink)).content();
    BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(kept));
    int rgb = image.getRGB(4, 4);
    assertThat(new int[] {rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF}).as("ink %s", java.util.Arrays.toString(ink))
        .satisfies(c -> {
          assertThat(c[0]).isCloseTo(r, org.assertj.core.data.Offset.offset(40));
          assertThat(c[1]).isCloseTo(g, org.assertj.core.data.Offset.offset(40));
          assertThat(c[2]).isCloseTo(b, org.assertj.core.data.Offset.offset(40));
        });
  }

  @Test
  @DisplayName("EXIF GPS is read in either byte order, south and west negative, to 6 decimals; the kept image carries no EXIF")
  void exifLocationRead() {
    ContentCheck.Location north = ContentCheck.location(jpegWithGps(29.712345, 116.001234, false, (char) 0));
    assertThat(north.latitude()).isEqualByComparingTo("29.712345");
    assertThat(north.longitude()).isEqualByComparingTo("116.001234");
    ContentCheck.Location south = ContentCheck.location(jpegWithGps(-33.856784, -70.651234, true, 'A'));
    assertThat(south.latitude()).isEqualByComparingTo("-33.856784");
    assertThat(south.longitude()).isEqualByComparingTo("-70.651234");

    ContentCheck.Checked checked = new ContentCheck(settings()).check(jpegWithGps(29.712345, 116.001234, true, 'A'));
    assertThat(checked.location()).isEqualTo(new ContentCheck.Location(new java.math.BigDecimal("29.712345"),
        new java.math.BigDecimal("116.001234")));
    assertThat(ContentCheck.location(checked.content())).isNull();
    assertThat(new String(checked.content(), StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
  }

  @Test
  @DisplayName("No location from EXIF without GPS data, with a void fix, at exactly 0, 0, from a cut segment, a PNG or a CMYK JPEG without EXIF")
  void exifLocationAbsent() {
    assertThat(ContentCheck.location(jpegWithOrientation(6))).isNull();
    assertThat(ContentCheck.location(jpegWithGps(29.7, 116.0, false, 'V'))).isNull();
    assertThat(ContentCheck.location(jpegWithGps(0, 0, true, (char) 0))).isNull();
    byte[] full = jpegWithGps(29.7, 116.0, false, (char) 0);
    int segmentEnd = 2 + 2 + 2 + 6 + 140; // SOI, APP1 marker, length, "Exif\0\0", the TIFF data
    assertThat(ContentCheck.location(java.util.Arrays.copyOf(full, segmentEnd))).isNotNull();
    for (int cut = 4; cut < segmentEnd; cut += 3) {
      byte[] shorter = java.util.Arrays.copyOf(full, cut);
      assertThat(ContentCheck.location(shorter)).as("cut at %d", cut).isNull();
    }
    assertThat(ContentCheck.location(CaseFilesRestTest.png(5, 5, null))).isNull();
    assertThat(new ContentCheck(settings()).check(cmykJpeg()).location()).isNull();
  }
}
