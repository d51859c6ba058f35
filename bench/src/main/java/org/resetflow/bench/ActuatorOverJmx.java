package org.resetflow.bench;

import com.sun.tools.attach.VirtualMachine;
import java.util.List;
import java.util.Map;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A metric of a ResetFlow process, read from the actuator's {@code metrics} endpoint over JMX (the process runs with
 * {@link #ARGUMENTS}): the endpoint is not open over HTTP, and JMX through the attach API needs no port.
 */
final class ActuatorOverJmx {

    /** What ResetFlow needs on its command line for {@link #counter}. */
    static final List<String> ARGUMENTS = List.of("--spring.jmx.enabled=true", "--management.endpoints.jmx.exposure.include=health,metrics");
    private static final String ENDPOINT = "org.springframework.boot:type=Endpoint,name=Metrics";

    private ActuatorOverJmx() {
    }

    /** The counter's count in the process, or -1 when it cannot be read (the reason on standard error). */
    static double counter(long pid, String metric) {
        try {
            VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid));
            String address;
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
            try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
                MBeanServerConnection server = connector.getMBeanServerConnection();
                ObjectName endpoint = new ObjectName(ENDPOINT);
                for (MBeanOperationInfo operation : server.getMBeanInfo(endpoint).getOperations()) {
                    MBeanParameterInfo[] parameters = operation.getSignature();
                    if (!operation.getName().equals("metric") || parameters.length == 0) {
                        continue;
                    }
                    Object[] values = new Object[parameters.length];
                    String[] signature = new String[parameters.length];
                    values[0] = metric;
                    for (int i = 0; i < parameters.length; i++) {
                        signature[i] = parameters[i].getType();
                    }
                    Object answer = server.invoke(endpoint, "metric", values, signature);
                    if (answer instanceof Map<?, ?> figures && figures.get("measurements") instanceof List<?> measurements) {
                        for (Object measurement : measurements) {
                            if (measurement instanceof Map<?, ?> m && "COUNT".equals(String.valueOf(m.get("statistic")))) {
                                return ((Number) m.get("value")).doubleValue();
                            }
                        }
                    }
                    System.err.println("The metric " + metric + " has no count: " + answer);
                    return -1;
                }
                System.err.println("No operation metric on " + ENDPOINT);
                return -1;
            }
        } catch (Exception e) {
            System.err.println("Could not read " + metric + " from process " + pid + " over JMX: " + e);
            return -1;
        }
    }
}
