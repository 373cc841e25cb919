#!/usr/bin/env bash
# Runs a real single-node Apache Kafka broker (KRaft) for tests and CI.
# The broker jars come from Maven Central through `mvn dependency:copy-dependencies`
# and are cached outside the repo; nothing downloaded is ever committed.
#   scripts/kafka-local.sh start | stop | restart | status | fetch
# `start` begins with an empty broker; `restart` (or KAFKA_KEEP_DATA=1 start) keeps the topics,
# offsets and consumer groups of the previous run, as a broker restarted in production does.
set -euo pipefail

KAFKA_VERSION="${KAFKA_VERSION:-4.1.1}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
CACHE_DIR="${KAFKA_CACHE_DIR:-$HOME/.cache/mdm-hub/kafka-$KAFKA_VERSION}"
RUN_DIR="${KAFKA_RUN_DIR:-${TMPDIR:-/tmp}/mdm-hub-kafka-$KAFKA_PORT}"
LIB_DIR="$CACHE_DIR/libs"
PID_FILE="$RUN_DIR/kafka.pid"

log() { echo "kafka-local: $*" >&2; }

fetch() {
  if [ -f "$LIB_DIR/.complete" ]; then return 0; fi
  command -v mvn >/dev/null || { log "Maven (mvn) is needed to fetch Kafka; install it (apt-get install maven) or set KAFKA_BROKERS"; exit 1; }
  mkdir -p "$CACHE_DIR"
  cat > "$CACHE_DIR/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.mdm-hub</groupId><artifactId>kafka-runtime</artifactId><version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId><version>$KAFKA_VERSION</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-slf4j-impl</artifactId><version>2.24.3</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-core</artifactId><version>2.24.3</version></dependency>
  </dependencies>
</project>
POM
  log "fetching Apache Kafka $KAFKA_VERSION jars from Maven Central (once; cached in $CACHE_DIR)"
  (cd "$CACHE_DIR" && mvn -q -B dependency:copy-dependencies -DoutputDirectory="$LIB_DIR" -DincludeScope=runtime >&2)
  touch "$LIB_DIR/.complete"
}

is_up() { (exec 3<>"/dev/tcp/127.0.0.1/$KAFKA_PORT") 2>/dev/null; }

start() {
  if [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null && is_up; then
    log "already running on 127.0.0.1:$KAFKA_PORT"; return 0
  fi
  command -v java >/dev/null || { log "Java 17+ is needed to run Kafka"; exit 1; }
  fetch
  if [ "${KAFKA_KEEP_DATA:-0}" = "1" ] && [ -f "$RUN_DIR/data/meta.properties" ]; then
    log "keeping the data in $RUN_DIR"; launch; return
  fi
  rm -rf "$RUN_DIR"; mkdir -p "$RUN_DIR/data"
  cat > "$RUN_DIR/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$RUN_DIR/data
num.partitions=1
# A single node: internal topics must not ask for more replicas than exist,
# or consumer groups never find a coordinator (kafkajs #1752).
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
delete.topic.enable=true
PROPS
  cat > "$RUN_DIR/log4j2.properties" <<L4J
rootLogger.level=WARN
rootLogger.appenderRef.file.ref=FILE
appender.file.type=File
appender.file.name=FILE
appender.file.fileName=$RUN_DIR/server.log
appender.file.layout.type=PatternLayout
appender.file.layout.pattern=[%d] %p %m (%c)%n
L4J
  local cp="$LIB_DIR/*"
  local jvm=(-Xms256m -Xmx512m -XX:+UseG1GC -Djava.awt.headless=true -Dlog4j2.configurationFile="$RUN_DIR/log4j2.properties")
  java "${jvm[@]}" -cp "$cp" kafka.tools.StorageTool format -t "$(java -cp "$cp" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)" \
    -c "$RUN_DIR/server.properties" >"$RUN_DIR/format.log" 2>&1 \
    || { log "formatting KRaft storage failed:"; cat "$RUN_DIR/format.log" >&2; exit 1; }
  launch
}

launch() {
  local cp="$LIB_DIR/*"
  local jvm=(-Xms256m -Xmx512m -XX:+UseG1GC -Djava.awt.headless=true -Dlog4j2.configurationFile="$RUN_DIR/log4j2.properties")
  nohup java "${jvm[@]}" -cp "$cp" kafka.Kafka "$RUN_DIR/server.properties" >"$RUN_DIR/stdout.log" 2>&1 &
  echo $! > "$PID_FILE"
  for _ in $(seq 1 120); do
    if is_up; then log "broker up on 127.0.0.1:$KAFKA_PORT (pid $(cat "$PID_FILE"))"; return 0; fi
    kill -0 "$(cat "$PID_FILE")" 2>/dev/null || { log "broker exited:"; tail -30 "$RUN_DIR/stdout.log" "$RUN_DIR/server.log" >&2 2>/dev/null; exit 1; }
    sleep 0.5
  done
  log "broker did not accept connections within 60 s"; exit 1
}

stop() {
  if [ -f "$PID_FILE" ]; then
    local pid; pid="$(cat "$PID_FILE")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$PID_FILE"; log "stopped"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  restart) stop; KAFKA_KEEP_DATA=1 start ;;
  fetch) fetch ;;
  status) if is_up; then echo "up 127.0.0.1:$KAFKA_PORT"; else echo down; exit 1; fi ;;
  *) echo "usage: $0 start|stop|restart|status|fetch" >&2; exit 2 ;;
esac
