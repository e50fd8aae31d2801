#!/usr/bin/env bash
# Grants each partner the least it needs: write to its own ingress topic, read its own inbox topic
# (with a consumer group named after it), nothing else. The hub and the registry are super users.
set -euo pipefail
acls=/opt/kafka/bin/kafka-acls.sh
config=/etc/hub-kafka/admin.properties
for partner in ${PARTNERS}; do
  "$acls" --bootstrap-server "$BOOTSTRAP" --command-config "$config" --add \
    --allow-principal "User:${partner}" --operation Write --operation Describe \
    --topic "ips.ingress.${partner}-v1"
  "$acls" --bootstrap-server "$BOOTSTRAP" --command-config "$config" --add \
    --allow-principal "User:${partner}" --operation Read --operation Describe \
    --topic "ips.inbox.${partner}-v1"
  "$acls" --bootstrap-server "$BOOTSTRAP" --command-config "$config" --add \
    --allow-principal "User:${partner}" --operation Read \
    --group "${partner}" --resource-pattern-type prefixed
  echo "ACLs set for ${partner}"
done
