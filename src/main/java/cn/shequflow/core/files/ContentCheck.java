package cn.shequflow.core.files;

import cn.shequflow.core.process.InvalidInputException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Set;
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
 * client sent), against the allow-list {@link #ALLOWED}. An image is decoded (its size checked
 * first, so no decompression bomb is unpacked) and re-encoded from its pixels: whatever else the file
 * carried (EXIF with the camera's position, comments, trailing data, a script disguised as a
 * picture) is gone. Each image also gets a thumbnail. PDFs are kept as sent and only ever served as
 * downloads.
 */
@Component
public class ContentCheck {

  public static final String JPEG = "image/jpeg";
  public static final String PNG = "image/png";
  public static final String PDF = "application/pdf";
  /** The accepted types (WebP and HEIC are not: the JDK cannot decode them to check them). */
  public static final Set<String> ALLOWED = Set.of(JPEG, PNG, PDF);
  static final int THUMBNAIL_EDGE = 320;

  /** The content as it will be kept: its type, its bytes (re-encoded for an image), an image's thumbnail. */
  public record Checked(String contentType, byte[] content, byte[] thumbnail) {
    public boolean image() {
      return thumbnail != null;
    }
  }

  private final Tika tika = new Tika();

  public Checked check(byte[] content, long maxPixels) {
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
    BufferedImage image = decode(content, maxPixels);
    return new Checked(type, encode(image, type), encode(thumbnail(image), JPEG));
  }

  private static BufferedImage decode(byte[] content, long maxPixels) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw unreadable();
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        if (pixels > maxPixels) {
          throw new InvalidInputException("file", "图片尺寸过大：最多 " + maxPixels / 10_000 + " 万像素");
        }
        BufferedImage image = reader.read(0);
        if (image == null || image.getWidth() < 1 || image.getHeight() < 1) {
          throw unreadable();
        }
        return image;
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

  private static InvalidInputException unreadable() {
    return new InvalidInputException("file", "图片无法读取，可能已损坏或不是 JPEG、PNG 图片");
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
