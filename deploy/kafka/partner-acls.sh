#!/usr/bin/env bash
# Grants each partner the least it needs: write to its own ingress topic, read its own inbox topic, and use its own
# consumer groups: <partner>-inbox and any group named <partner>.<anything>. Partner ids hold no dot, so no partner
# may use another's groups (nav cannot join nav-bergenhus-inbox) nor the hub's (ips-hub-...). The rule of earlier
# versions, every group whose name starts with the partner id, is taken away. The hub and the registry are super users.
set -euo pipefail
acls=/opt/kafka/bin/kafka-acls.sh
config=/etc/hub-kafka/admin.properties
for partner in ${PARTNERS}; do
  case "$partner" in
    ips-hub*) echo "partner id ${partner} starts like the hub's own consumer groups (ips-hub): refused" >&2; exit 1 ;;
  esac
  "$acls" --bootstrap-server "$BOOTSTRAP" --command-config "$config" --add \
    --allow-principal "User:${partner}" --operation Write --operation Describe \
    --topic "ips.ingress.${partner}-v1"
  "$acls" --bootstrap-server "$BOOTSTRAP" --command-config "$config" --add \
    --allow-principal "User:${partner}" --operation Read --operation Describe \
    --topic "ips.inbox.${partner}-v1"
  "$acls" --bootstrap-server "$BOOTSTRAP" --command-config "$config" --add \
    --allow-principal "User:${partner}" --operation Read \
    --group "${partner}-inbox"
  "$acls" --bootstrap-server "$BOOTSTRAP" --command-config "$config" --add \
    --allow-principal "User:${partner}" --operation Read \
    --group "${partner}." --resource-pattern-type prefixed
  "$acls" --bootstrap-server "$BOOTSTRAP" --command-config "$config" --remove --force \
    --allow-principal "User:${partner}" --operation Read \
    --group "${partner}" --resource-pattern-type prefixed
  echo "ACLs set for ${partner}"
done
