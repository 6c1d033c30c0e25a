package cn.shequflow.core.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of the product API ({@code /api}), served by springdoc at {@code /v3/api-docs}
 * to logged-in users; Swagger UI ({@code /swagger-ui.html}) for administrators ({@link ApiDocsAccess}).
 * Every operation lists the error answers every route shares, in the one error shape of the product
 * and the Camunda REST API ({@code ApiErrors}): {@code {"type","message","field"}}.
 */
@Configuration
public class ApiDocumentation {

  public static final String ERROR_SCHEMA = "Error";

  /** The error answers every route of the product API may give, in Chinese. */
  static final Map<String, String> COMMON_ERRORS = Map.of(
      "400", "输入有误：field 指出是哪一项，message 说明原因",
      "401", "未登录或用户名、密码错误（HTTP Basic，或 Camunda 网页登录会话加 X-XSRF-TOKEN）",
      "403", "无权进行此项操作（含回避：不能办理自己的事项）",
      "404", "没有该事项或任务，或无权查看（两者答复相同，不能借此探测编号）",
      "409", "事项状态已变化（例如刚被他人处理），请刷新后重试");

  @Bean
  public OpenAPI productApi() {
    Schema<?> error = new ObjectSchema()
        .addProperty("type", new StringSchema().description("错误类别，例如 InvalidInputException、AuthorizationException"))
        .addProperty("message", new StringSchema().description("给人看的中文说明"))
        .addProperty("field", new StringSchema().description("输入有误时：出错的字段或参数名"))
        .description("错误答复（与 /engine-rest 相同的格式）");
    return new OpenAPI()
        .info(new Info().title("社区流程 API").version("1.0")
            .description("社区流程（Shequ Flow）自身的接口：事项、时间线、审批操作（退回、撤回、转办、委派、加签、抄送、催办）、"
                + "我的申请、已办、台账和登记簿。流程的发起与任务办理使用 Camunda 标准 REST 接口 /engine-rest。"
                + "所有接口都需要登录：HTTP Basic（用户名、密码），或 Camunda 网页登录会话（修改类请求须带 X-XSRF-TOKEN）。"))
        .components(new Components()
            .addSchemas(ERROR_SCHEMA, error)
            .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("用户名和密码"))
            .addSecuritySchemes("session", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
                .description("Camunda 网页（待办、驾驶舱）登录后的会话；修改类请求另带 X-XSRF-TOKEN 头")))
        .addSecurityItem(new SecurityRequirement().addList("basic"))
        .addSecurityItem(new SecurityRequirement().addList("session"));
  }

  /** Adds the shared error answers to every operation that does not describe them itself. */
  @Bean
  public OpenApiCustomizer commonErrors() {
    return api -> api.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
      ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
      COMMON_ERRORS.forEach((status, description) -> {
        if (!responses.containsKey(status)) {
          responses.addApiResponse(status, new ApiResponse().description(description)
              .content(new Content().addMediaType("application/json",
                  new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ERROR_SCHEMA)))));
        }
      });
      operation.setResponses(responses);
    }));
  }
}
