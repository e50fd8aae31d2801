# Multi-stage build of the hub: compile with Maven, run on a JRE as a non-root user.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY schemas/pom.xml schemas/
COPY registry/pom.xml registry/
COPY engine/pom.xml engine/
COPY partners/pom.xml partners/
COPY routes/pom.xml routes/
COPY connectors/pom.xml connectors/
COPY web/pom.xml web/
COPY collaboration-log/pom.xml collaboration-log/
COPY operations/pom.xml operations/
COPY hub/pom.xml hub/
# Dependencies first, so that a source change does not download the world again.
RUN mvn -B -q dependency:go-offline -DexcludeReactor=true || true
COPY . .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system hub \
    && useradd --system --gid hub --home-dir /opt/hub --shell /usr/sbin/nologin hub \
    && mkdir -p /opt/hub/data \
    && chown -R hub:hub /opt/hub
WORKDIR /opt/hub
COPY --from=build --chown=hub:hub /src/hub/target/ips-hub.jar /opt/hub/ips-hub.jar
COPY --from=build --chown=hub:hub /src/hub/jvm.options /opt/hub/jvm.options
USER hub
EXPOSE 8080
# glibc gives each busy thread a malloc arena of its own; the hub's 150 threads left 25-30 MB of them
# half-empty under load. Two arenas are enough for what the JVM allocates outside its heap.
ENV MALLOC_ARENA_MAX=2
# The same JVM options as the README's command (a 256 MB heap).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 \
  CMD curl -fsS http://localhost:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "@/opt/hub/jvm.options", "-jar", "/opt/hub/ips-hub.jar"]
