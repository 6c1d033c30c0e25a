package cn.shequflow.plain;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A plain Camunda 7.24 Spring Boot application: the starter's defaults, nothing of the product. The
 * starter deploys every BPMN and DMN on the classpath (the leave shape and its decision tables).
 */
@SpringBootApplication
public class PlainCamundaApplication {

  public static void main(String[] args) {
    SpringApplication.run(PlainCamundaApplication.class, args);
  }
}
