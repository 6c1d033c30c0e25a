package cn.shequflow.core.files;

import cn.shequflow.core.process.InvalidInputException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What a file is to the case (the uploader says so; the policy of required attachments asks for kinds). */
public enum FileKind {
  PHOTO("photo", "现场照片"),
  MEDICAL_CERTIFICATE("medical-certificate", "病假证明"),
  INVOICE("invoice", "发票"),
  PROOF("proof", "证明材料"),
  OTHER("other", "其他附件");

  public final String code;
  public final String label;

  FileKind(String code, String label) {
    this.code = code;
    this.label = label;
  }

  /** The kind a client names ({@code null} or blank: {@link #OTHER}); 400 naming {@code kind} otherwise. */
  public static FileKind parse(String code) {
    if (code == null || code.isBlank()) {
      return OTHER;
    }
    return Arrays.stream(values()).filter(k -> k.code.equals(code.trim())).findFirst()
        .orElseThrow(() -> new InvalidInputException("kind", "附件类型取值无效，可选值为 "
            + Arrays.stream(values()).map(k -> k.code + "（" + k.label + "）").collect(Collectors.joining(" | "))));
  }

  /** The label of a stored code (the code itself if unknown). */
  public static String labelOf(String code) {
    return Arrays.stream(values()).filter(k -> k.code.equals(code)).map(k -> k.label).findFirst().orElse(code);
  }
}
