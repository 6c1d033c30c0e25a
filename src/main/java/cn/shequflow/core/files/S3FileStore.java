package cn.shequflow.core.files;

import java.net.URI;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The bytes as objects of one bucket of an S3-compatible object store (MinIO, a cloud provider's
 * object storage, AWS S3), through the AWS SDK v2 with the JDK's HTTP client
 * ({@code shequ.files.s3.*}). One object per key, under an optional prefix; requests are signed
 * (SigV4) with the configured access key. Like the file-system store, an object written inside a
 * transaction that then rolls back is removed again: the object store takes no part in the database's
 * transaction.
 */
public class S3FileStore implements FileStore, AutoCloseable {

  private final S3Client s3;
  private final String bucket;
  private final String prefix;

  public S3FileStore(S3Client s3, String bucket, String prefix) {
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalStateException("shequ.files.s3.bucket is required for shequ.files.store=s3");
    }
    this.s3 = s3;
    this.bucket = bucket.trim();
    String p = prefix == null ? "" : prefix.trim();
    this.prefix = p.isEmpty() || p.endsWith("/") ? p : p + "/";
  }

  /** A store on the object store the settings name ({@code shequ.files.s3.*}). */
  public static S3FileStore of(FileSettings.S3 settings) {
    if (settings.getAccessKey() == null || settings.getAccessKey().isBlank()
        || settings.getSecretKey() == null || settings.getSecretKey().isBlank()) {
      throw new IllegalStateException(
          "shequ.files.s3.access-key and shequ.files.s3.secret-key are required for shequ.files.store=s3");
    }
    var builder = S3Client.builder()
        .httpClientBuilder(UrlConnectionHttpClient.builder()
            .connectionTimeout(settings.getConnectTimeout())
            .socketTimeout(settings.getReadTimeout()))
        .region(Region.of(settings.getRegion()))
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(settings.getAccessKey().trim(), settings.getSecretKey().trim())))
        // A file (at most max-size, in memory already) goes as one plain body whose SHA-256 is signed,
        // not as an aws-chunked stream, and with checksums only where S3 requires them: what every
        // S3-compatible store understands (several refuse the newer defaults).
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(settings.isPathStyleAccess())
            .chunkedEncodingEnabled(false).build())
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    if (settings.getEndpoint() != null && !settings.getEndpoint().isBlank()) {
      builder.endpointOverride(URI.create(settings.getEndpoint().trim()));
    }
    return new S3FileStore(builder.build(), settings.getBucket(), settings.getPrefix());
  }

  @Override
  public String name() {
    return "s3";
  }

  private String object(String key) {
    return prefix + FileStore.checked(key);
  }

  @Override
  public void put(String key, byte[] content) {
    String object = object(key);
    try {
      s3.putObject(b -> b.bucket(bucket).key(object).contentType("application/octet-stream")
          .contentLength((long) content.length), RequestBody.fromBytes(content));
    } catch (SdkException e) {
      throw new IllegalStateException("Cannot store file " + key + " in bucket " + bucket, e);
    }
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          if (status != STATUS_COMMITTED) {
            delete(key);
          }
        }
      });
    }
  }

  @Override
  public byte[] get(String key) {
    String object = object(key);
    try {
      return s3.getObjectAsBytes(b -> b.bucket(bucket).key(object)).asByteArray();
    } catch (NoSuchKeyException e) {
      throw new MissingContentException(key);
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        throw new MissingContentException(key);
      }
      throw new IllegalStateException("Cannot read file " + key + " from bucket " + bucket, e);
    } catch (SdkException e) {
      throw new IllegalStateException("Cannot read file " + key + " from bucket " + bucket, e);
    }
  }

  @Override
  public boolean exists(String key) {
    String object = object(key);
    try {
      s3.headObject(b -> b.bucket(bucket).key(object));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw new IllegalStateException("Cannot look up file " + key + " in bucket " + bucket, e);
    } catch (SdkException e) {
      throw new IllegalStateException("Cannot look up file " + key + " in bucket " + bucket, e);
    }
  }

  /** Removes the object; deleting one that is not there is harmless (S3 answers 204 alike). */
  @Override
  public void delete(String key) {
    String object = object(key);
    try {
      s3.deleteObject(b -> b.bucket(bucket).key(object));
    } catch (NoSuchKeyException e) {
      // gone already
    } catch (S3Exception e) {
      if (e.statusCode() != 404) {
        throw new IllegalStateException("Cannot delete file " + key + " from bucket " + bucket, e);
      }
    } catch (SdkException e) {
      throw new IllegalStateException("Cannot delete file " + key + " from bucket " + bucket, e);
    }
  }

  @Override
  public void close() {
    s3.close();
  }
}
