package com.siyu.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests under deploy/k8s, checked against the fabric8 object model (no cluster
 * here): every document is a known kind with no unknown fields, and every app is deployable the way
 * the SRE team expects (probes on the actuator health groups, memory limits, a Service, a PDB).
 */
class KubernetesManifestsTest {

    private static final List<String> APPS = List.of("gateway", "member-service", "points-service", "payment-service",
            "coupon-service", "guide-service", "touchpoint-service");
    private static final List<HasMetadata> resources = new ArrayList<>();

    @BeforeAll
    static void load() throws IOException {
        KubernetesSerialization serialization = new KubernetesSerialization();
        try (Stream<Path> files = Files.list(RunningSuite.repo().resolve("deploy").resolve("k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                Object parsed = serialization.unmarshal(Files.readString(file));
                if (parsed instanceof KubernetesResourceList<?> list) {
                    list.getItems().forEach(item -> resources.add((HasMetadata) item));
                } else if (parsed instanceof List<?> list) {
                    list.forEach(item -> resources.add((HasMetadata) item));
                } else {
                    resources.add((HasMetadata) parsed);
                }
            }
        }
    }

    @Test
    void everyDocumentIsAKnownKindWithoutUnknownFields() {
        assertThat(resources).isNotEmpty();
        for (HasMetadata resource : resources) {
            assertThat(resource).as(resource.getKind() + " " + resource.getMetadata().getName())
                    .isNotInstanceOf(io.fabric8.kubernetes.api.model.GenericKubernetesResource.class);
            assertNoUnknownFields(resource, resource.getKind() + "/" + resource.getMetadata().getName());
        }
    }

    @Test
    void everyAppHasADeploymentAServiceAndADisruptionBudget() {
        for (String app : APPS) {
            Deployment deployment = one(Deployment.class, app);
            Map<String, String> selector = deployment.getSpec().getSelector().getMatchLabels();
            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(selector);
            assertThat(deployment.getSpec().getReplicas()).as(app + " replicas").isGreaterThanOrEqualTo(2);

            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            int port = container.getPorts().get(0).getContainerPort();
            assertThat(container.getPorts().get(0).getName()).isEqualTo("http");
            assertThat(env(container, "SERVER_PORT")).isEqualTo(Integer.toString(port));
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
            // actuator is on its own port, never the one the Service exposes
            assertThat(container.getPorts()).extracting(p -> p.getName() + ":" + p.getContainerPort()).contains("management:9090");
            assertThat(env(container, "MANAGEMENT_PORT")).isEqualTo("9090");
            for (io.fabric8.kubernetes.api.model.Probe probe : List.of(container.getReadinessProbe(), container.getLivenessProbe(),
                    container.getStartupProbe())) {
                assertThat(probe.getHttpGet().getPort().getStrVal()).as(app + " probes the management port").isEqualTo("management");
            }
            assertThat(env(container, "SIYU_JWKS_URI")).as(app + " verifies tokens against a pinned JWKS").startsWith("http://member-service.");
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
            assertThat(container.getStartupProbe()).as(app + " startup probe").isNotNull();
            assertThat(container.getResources().getLimits()).as(app + " memory limit").containsKey("memory");
            assertThat(container.getEnv()).extracting(EnvVar::getName).contains("SPRING_CLOUD_NACOS_SERVER_ADDR", "SPRING_CLOUD_NACOS_DISCOVERY_IP");
            if (!app.equals("gateway")) {
                assertThat(container.getEnv()).extracting(EnvVar::getName).contains("SIYU_DB_HOST", "SIYU_DB_PASSWORD", "SIYU_SEATA_ADDR");
                assertThat(container.getEnv().stream().filter(e -> e.getName().equals("SIYU_DB_PASSWORD")).findFirst().orElseThrow()
                        .getValueFrom().getSecretKeyRef()).as("the DB password comes from a Secret").isNotNull();
            }

            Service service = one(Service.class, app);
            assertThat(service.getSpec().getSelector()).isEqualTo(selector);
            assertThat(service.getSpec().getPorts().get(0).getTargetPort().getStrVal()).isEqualTo("http");

            PodDisruptionBudget budget = one(PodDisruptionBudget.class, app);
            assertThat(budget.getSpec().getSelector().getMatchLabels()).isEqualTo(selector);
        }
    }

    @Test
    void paymentServiceGetsItsWeChatPayMerchantFromASecretTheManifestsDefine() {
        Container container = one(Deployment.class, "payment-service").getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(env(container, "SIYU_PAYMENT_CHANNEL")).isEqualTo("wechat");
        Set<String> secrets = new HashSet<>();
        for (Secret secret : all(Secret.class)) {
            secrets.add(secret.getMetadata().getName());
        }
        for (String key : List.of("APP_ID", "MCH_ID", "API_V3_KEY", "MERCHANT_SERIAL_NO", "PRIVATE_KEY", "PUBLIC_KEY", "PUBLIC_KEY_ID",
                "NOTIFY_URL")) {
            EnvVar var = container.getEnv().stream().filter(e -> e.getName().equals("SIYU_WECHAT_PAY_" + key)).findFirst()
                    .orElseThrow(() -> new AssertionError("payment-service has no SIYU_WECHAT_PAY_" + key));
            assertThat(var.getValueFrom().getSecretKeyRef()).as(key + " comes from a Secret").isNotNull();
            assertThat(secrets).contains(var.getValueFrom().getSecretKeyRef().getName());
        }
    }

    @Test
    void onlyTheGatewayIsExposed() {
        for (Service service : all(Service.class)) {
            String expected = service.getMetadata().getName().equals("gateway") ? "LoadBalancer" : "ClusterIP";
            assertThat(service.getSpec().getType()).as(service.getMetadata().getName()).isEqualTo(expected);
        }
    }

    private static String env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).map(EnvVar::getValue).findFirst().orElse(null);
    }

    private static <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static <T extends HasMetadata> T one(Class<T> type, String name) {
        List<T> matches = all(type).stream().filter(r -> r.getMetadata().getName().equals(name)).toList();
        assertThat(matches).as(type.getSimpleName() + " " + name).hasSize(1);
        return matches.get(0);
    }

    /** fabric8 keeps fields it does not know in additionalProperties: any there is a typo in the YAML. */
    private static void assertNoUnknownFields(Object node, String path) {
        if (node == null) {
            return;
        }
        if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                assertNoUnknownFields(list.get(i), path + "[" + i + "]");
            }
            return;
        }
        if (!(node instanceof KubernetesResource) || !node.getClass().getPackageName().startsWith("io.fabric8")) {
            return;
        }
        for (var method : node.getClass().getMethods()) {
            if (method.getParameterCount() != 0 || !method.getName().startsWith("get") || method.getDeclaringClass() == Object.class) {
                continue;
            }
            try {
                Object value = method.invoke(node);
                if (method.getName().equals("getAdditionalProperties")) {
                    assertThat((Map<?, ?>) value).as("unknown fields at " + path).isNullOrEmpty();
                } else {
                    assertNoUnknownFields(value, path + "." + method.getName().substring(3));
                }
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
    }
}
