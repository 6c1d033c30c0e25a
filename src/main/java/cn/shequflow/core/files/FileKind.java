package cn.shequflow.core.files;

import cn.shequflow.core.process.InvalidInputException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What a file is to the case (the uploader says so; the policy of required attachments asks for kinds). */
public enum FileKind {
  PHOTO("photo", "现场照片", false),
  MEDICAL_CERTIFICATE("medical-certificate", "病假证明", false),
  INVOICE("invoice", "发票", false),
  PROOF("proof", "证明材料", false),
  /** A photo or scan of an identity card (居民身份证): it shows the whole identity number. */
  ID_CARD("id-card", "身份证件", true),
  /** A household register (户口簿) page: whole identity numbers of the household. */
  HOUSEHOLD_REGISTER("household-register", "户口簿", true),
  OTHER("other", "其他附件", false);

  public final String code;
  public final String label;
  /**
   * The file shows whole identity numbers: only those {@link cn.shequflow.core.privacy.PersonalData}
   * lets read them whole download it.
   */
  public final boolean identityDocument;

  FileKind(String code, String label, boolean identityDocument) {
    this.code = code;
    this.label = label;
    this.identityDocument = identityDocument;
  }

  /** Whether a stored kind is an identity document ({@link #identityDocument}). */
  public static boolean isIdentityDocument(String code) {
    return Arrays.stream(values()).anyMatch(k -> k.code.equals(code) && k.identityDocument);
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
