#!/usr/bin/env bash
# Grants each research project's Kafka user the least it needs to read its rows as a stream: read and describe the
# project's own log topic (ips.collaboration-log-v1 for the default project, ips.collaboration-log.<code>-v1 for the
# others), read the consumer group named after it (that name exactly). Nothing else: no other project's topic, no message topic.
# RESEARCH_PROJECTS="ipsnor worklife"; DEFAULT_RESEARCH_PROJECT=ipsnor. Projects added at run time get the same ACLs
# from the hub itself.
set -euo pipefail
acls=/opt/kafka/bin/kafka-acls.sh
config=/etc/hub-kafka/admin.properties
for project in ${RESEARCH_PROJECTS}; do
  if [ "${project}" = "${DEFAULT_RESEARCH_PROJECT:-}" ]; then
    topic="ips.collaboration-log-v1"
  else
    topic="ips.collaboration-log.${project}-v1"
  fi
  "$acls" --bootstrap-server "$BOOTSTRAP" --command-config "$config" --add \
    --allow-principal "User:research-${project}" --operation Read --operation Describe \
    --topic "${topic}"
  "$acls" --bootstrap-server "$BOOTSTRAP" --command-config "$config" --add \
    --allow-principal "User:research-${project}" --operation Read \
    --group "research-${project}" --resource-pattern-type literal
  echo "ACLs set for research-${project} on ${topic}"
done
