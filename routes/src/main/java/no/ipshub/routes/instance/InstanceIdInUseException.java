package no.ipshub.routes.instance;

/** A starting instance's id is held by another running process: the instance refuses to start. */
public class InstanceIdInUseException extends IllegalStateException {

    private final transient InstanceHeartbeat holder;

    public InstanceIdInUseException(String instanceId, InstanceHeartbeat holder, String topic) {
        super("hub.instance-id '" + instanceId + "' is in use by a running hub instance (host " + holder.host()
                + ", pid " + holder.pid() + "), whose heartbeats on " + topic + " keep coming. Two instances with one "
                + "id would fence each other's Kafka transactions. Give this instance an id of its own "
                + "(hub.instance-id, HUB_INSTANCE_ID, or a data directory of its own) or stop the other one first.");
        this.holder = holder;
    }

    /** The process that holds the id. */
    public InstanceHeartbeat holder() {
        return holder;
    }
}
