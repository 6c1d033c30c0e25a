package cn.shequflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Shequ Flow: the street office's workflow on Camunda Platform 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ShequFlowApplication {

  public static void main(String[] args) {
    SpringApplication.run(ShequFlowApplication.class, args);
  }
}
