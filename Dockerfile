# ResetFlow, built from this repository. Used by docker-compose.yml.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY src src
COPY processes processes
COPY forms forms
RUN ./mvnw -B -ntp -q package -DskipTests

FROM eclipse-temurin:17-jre
# curl: docker-compose.yml's health check asks /actuator/health/readiness
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app resetflow \
    && mkdir -p /app/data /app/logs/audit && chown -R resetflow /app/data /app/logs
WORKDIR /app
COPY --from=build /src/target/resetflow-*.jar /app/resetflow.jar
USER resetflow
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/resetflow.jar"]
