# Build with the Maven wrapper, run on a JRE as an unprivileged user.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q -ntp dependency:go-offline
COPY processes processes
COPY src src
RUN ./mvnw -B -q -ntp -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 tuanwu && mkdir -p /app/data && chown tuanwu /app/data
WORKDIR /app
COPY --from=build /build/target/tuanwu.jar /app/tuanwu.jar
USER tuanwu
EXPOSE 8080
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Duser.timezone=UTC"
ENTRYPOINT ["java", "-jar", "/app/tuanwu.jar"]
