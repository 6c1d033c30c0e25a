package cn.shequflow.core.process;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/** The Camunda REST API at /engine-rest, with refused input reported as HTTP 400. */
@Component
@ApplicationPath("/engine-rest")
public class RestConfig extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    register(InvalidInputMapper.class);
    register(ConflictMapper.class);
    register(cn.shequflow.core.security.EngineRestErrors.class);
    register(cn.shequflow.core.outage.DatabaseUnavailable.Recorder.class);
    register(cn.shequflow.core.security.EngineInputErrors.Reading.class);
    register(cn.shequflow.core.security.EngineInputErrors.Persistence.class);
  }

  /** {@code {"type":"InvalidInputException","field":"days","message":"请假天数…"}} with 400. */
  @Provider
  public static class InvalidInputMapper implements ExceptionMapper<InvalidInputException> {
    @Override
    public Response toResponse(InvalidInputException e) {
      return Response.status(Response.Status.BAD_REQUEST)
          .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
          .entity(body(e))
          .build();
    }
  }

  /** {@code {"type":"CaseConflictException","message":...}} with 409. */
  @Provider
  public static class ConflictMapper implements ExceptionMapper<CaseConflictException> {
    @Override
    public Response toResponse(CaseConflictException e) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", "CaseConflictException");
      body.put("message", e.getMessage());
      return Response.status(Response.Status.CONFLICT)
          .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
          .entity(body)
          .build();
    }
  }

  public static Map<String, Object> body(InvalidInputException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "InvalidInputException");
    body.put("field", e.getField());
    body.put("message", e.getReason());
    return body;
  }
}
