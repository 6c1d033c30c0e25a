# Build and run Shequ Flow. Used by docker-compose.yml (MySQL 8.4 + the app).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -ntp -q dependency:go-offline
COPY src src
COPY processes processes
COPY forms forms
RUN mvn -B -ntp -q package -DskipTests

FROM eclipse-temurin:17-jre
ENV TZ=Asia/Shanghai LANG=C.UTF-8
WORKDIR /app
COPY --from=build /src/target/shequ-flow-*.jar /app/shequ-flow.jar
RUN mkdir -p /app/calendar
EXPOSE 8080
ENTRYPOINT ["java", "-Duser.timezone=Asia/Shanghai", "-jar", "/app/shequ-flow.jar"]
