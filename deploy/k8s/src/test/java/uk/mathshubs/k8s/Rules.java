package uk.mathshubs.k8s;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.mathshubs.contracts.EventType;
import uk.mathshubs.contracts.Topics;

/**
 * What a rendered overlay must be, beyond being valid Kubernetes: production qualities of every Deployment, the
 * network rules (only the gateway reachable from outside; services reach only their database, Kafka and Keycloak,
 * the mail senders also an SMTP relay on 587, and webhooks-service also public addresses on 443, never a private,
 * link-local, shared or loopback one; the hub console, which owns no data, only the gateway and Keycloak), and the
 * KafkaTopics and KafkaUsers matching what the services' configuration uses. Each problem is one sentence naming the
 * resource.
 */
final class Rules {

    static final String GATEWAY = "gateway";
    /** The hub console: pages behind the gateway, made from the public API; no database, no Kafka. */
    static final String CONSOLE = "hub-console";
    /** Secrets the manifests reference that an operator makes (CloudNativePG, Strimzi) or ops create by hand. */
    static final Set<String> EXTERNAL_SECRETS = Set.of(
            "catalogue-db-app", "applications-db-app", "scheduling-db-app", "webhooks-db-app", "keycloak-db-app",
            "programme-catalogue-service", "applications-service", "scheduling-service", "webhooks-service",
            "maths-hubs-cluster-ca-cert",
            "applications-mailer", "scheduling-mailer", "keycloak-client-secrets", "keycloak-bootstrap-admin", "hub-console-keys",
            "gateway-tls", "keycloak-tls");
    private static final Pattern XMX = Pattern.compile("-Xmx(\\d+)m");

    private final List<ObjectNode> docs;
    private final List<String> problems = new ArrayList<>();

    private Rules(List<ObjectNode> docs) {
        this.docs = docs;
    }

    /** Every problem with the overlay's documents: schemas, production rules, network rules, topics. */
    static List<String> check(List<ObjectNode> docs, Schemas schemas, boolean production) {
        Rules rules = new Rules(docs);
        docs.forEach(doc -> rules.problems.addAll(schemas.validate(doc)));
        rules.deployments(production);
        rules.networkPolicies();
        rules.ingresses();
        rules.topics();
        rules.kafkaUsers();
        if (production) {
            rules.production();
        }
        return rules.problems;
    }

    // --- Deployments --------------------------------------------------------------------------------------------

    private void deployments(boolean production) {
        List<ObjectNode> deployments = Manifests.ofKind(docs, "Deployment");
        Set<String> expected = new TreeSet<>(ServiceConfig.SERVICES);
        expected.add(CONSOLE);
        expected.add(GATEWAY);
        Set<String> present = deployments.stream().map(Manifests::name).collect(Collectors.toCollection(TreeSet::new));
        if (!present.equals(expected)) {
            problem("the Deployments are " + present + ", not " + expected);
        }
        for (ObjectNode deployment : deployments) {
            deployment(deployment, production);
        }
    }

    private void deployment(ObjectNode d, boolean production) {
        String id = Manifests.id(d);
        JsonNode spec = d.path("spec");
        JsonNode pod = spec.path("template").path("spec");
        Map<String, String> labels = labels(spec.path("template").path("metadata").path("labels"));

        JsonNode strategy = spec.path("strategy");
        if (!"RollingUpdate".equals(strategy.path("type").asText())
                || strategy.path("rollingUpdate").path("maxUnavailable").asInt(-1) != 0) {
            problem(id + ": strategy must be RollingUpdate with maxUnavailable 0");
        }
        if (!pod.path("securityContext").path("runAsNonRoot").asBoolean(false)) {
            problem(id + ": pod securityContext.runAsNonRoot must be true");
        }
        if (pod.path("topologySpreadConstraints").isEmpty()) {
            problem(id + ": no topologySpreadConstraints");
        }
        String account = pod.path("serviceAccountName").asText("");
        if (account.isEmpty() || "default".equals(account) || find("ServiceAccount", account) == null) {
            problem(id + ": serviceAccountName must name its own ServiceAccount of the overlay, not '" + account + "'");
        }
        if (pod.path("containers").isEmpty()) {
            problem(id + ": no containers");
        }
        for (JsonNode c : pod.path("containers")) {
            container(id, c, pod, production);
            managementPort(id + " container " + c.path("name").asText(), c, spec.path("template").path("metadata").path("annotations"));
        }
        long pdbs = Manifests.ofKind(docs, "PodDisruptionBudget").stream()
                .filter(pdb -> selects(pdb.path("spec").path("selector"), labels)).count();
        if (pdbs != 1) {
            problem(id + ": " + pdbs + " PodDisruptionBudgets select its pods, not one");
        }
        boolean scaled = Manifests.ofKind(docs, "HorizontalPodAutoscaler").stream()
                .map(h -> h.path("spec").path("scaleTargetRef"))
                .anyMatch(ref -> "Deployment".equals(ref.path("kind").asText()) && Manifests.name(d).equals(ref.path("name").asText()));
        if (!scaled) {
            problem(id + ": no HorizontalPodAutoscaler scales it");
        }
        boolean served = Manifests.ofKind(docs, "Service").stream()
                .anyMatch(s -> selects(s.path("spec").path("selector"), labels));
        if (!served) {
            problem(id + ": no Service selects its pods");
        }
    }

    private void container(String id, JsonNode c, JsonNode pod, boolean production) {
        String at = id + " container " + c.path("name").asText();
        probe(at, c, "startupProbe", "/q/health/started");
        probe(at, c, "livenessProbe", "/q/health/live");
        probe(at, c, "readinessProbe", "/q/health/ready");
        JsonNode resources = c.path("resources");
        for (String kind : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                if (resources.path(kind).path(resource).asText("").isEmpty()) {
                    problem(at + ": no resources." + kind + "." + resource);
                }
            }
        }
        long limit = mebibytes(resources.path("limits").path("memory").asText(""));
        long request = mebibytes(resources.path("requests").path("memory").asText(""));
        if (limit > 0 && request > limit) {
            problem(at + ": memory request above its limit");
        }
        String javaOpts = env(c, "JAVA_OPTS_APPEND");
        Matcher xmx = XMX.matcher(javaOpts == null ? "" : javaOpts);
        if (!xmx.find()) {
            problem(at + ": JAVA_OPTS_APPEND sets no -Xmx (the heap the memory was measured with)");
        } else if (limit > 0 && Long.parseLong(xmx.group(1)) + 128 > limit) {
            problem(at + ": -Xmx" + xmx.group(1) + "m leaves under 128 MiB of its " + limit + " MiB limit outside the heap");
        }
        JsonNode security = c.path("securityContext");
        if (!security.path("readOnlyRootFilesystem").asBoolean(false)) {
            problem(at + ": securityContext.readOnlyRootFilesystem must be true");
        }
        if (security.path("allowPrivilegeEscalation").asBoolean(true)) {
            problem(at + ": securityContext.allowPrivilegeEscalation must be false");
        }
        boolean dropsAll = StreamSupport.stream(security.path("capabilities").path("drop").spliterator(), false)
                .anyMatch(cap -> "ALL".equals(cap.asText()));
        if (!dropsAll) {
            problem(at + ": securityContext.capabilities.drop must include ALL");
        }
        boolean tmp = StreamSupport.stream(c.path("volumeMounts").spliterator(), false)
                .filter(m -> "/tmp".equals(m.path("mountPath").asText()))
                .anyMatch(m -> StreamSupport.stream(pod.path("volumes").spliterator(), false)
                        .anyMatch(v -> v.path("name").asText().equals(m.path("name").asText()) && v.has("emptyDir")));
        if (!tmp) {
            problem(at + ": /tmp is not an emptyDir (the root filesystem is read-only)");
        }
        String image = c.path("image").asText("");
        if (production && (!image.contains("/") || !image.matches(".*:[^/:]+$") || image.endsWith(":latest"))) {
            problem(at + ": image '" + image + "' must name a registry and a release tag");
        }
        // The sandbox clock (a request's own "now") is for the sandbox only, never for production.
        if (production && "true".equalsIgnoreCase(env(c, SANDBOX))) {
            problem(at + ": " + SANDBOX + " is on; a production overlay never runs the sandbox clock");
        }
        // Receivers on http or on this side of the internet: a developer's machine and the tests only.
        if (production && "true".equalsIgnoreCase(env(c, LOCAL_RECEIVERS))) {
            problem(at + ": " + LOCAL_RECEIVERS + " is on; in production a webhook receiver must be public and https");
        }
        for (JsonNode from : c.path("envFrom")) {
            JsonNode map = from.has("configMapRef") ? find("ConfigMap", from.path("configMapRef").path("name").asText()) : null;
            if (from.has("configMapRef") && map == null) {
                problem(at + ": envFrom names ConfigMap " + from.path("configMapRef").path("name").asText() + ", which the overlay lacks");
            }
            if (production && map != null && "true".equalsIgnoreCase(map.path("data").path(SANDBOX).asText(""))) {
                problem(at + ": " + SANDBOX + " is on in ConfigMap " + Manifests.name(map) + "; a production overlay never runs the sandbox clock");
            }
            if (production && map != null && "true".equalsIgnoreCase(map.path("data").path(LOCAL_RECEIVERS).asText(""))) {
                problem(at + ": " + LOCAL_RECEIVERS + " is on in ConfigMap " + Manifests.name(map)
                        + "; in production a webhook receiver must be public and https");
            }
            if (from.has("secretRef")) {
                secret(at, from.path("secretRef").path("name").asText());
            }
        }
        for (JsonNode e : c.path("env")) {
            JsonNode ref = e.path("valueFrom").path("secretKeyRef");
            if (!ref.isMissingNode()) {
                secret(at, ref.path("name").asText());
            }
        }
    }

    private void probe(String at, JsonNode c, String probe, String path) {
        JsonNode get = c.path(probe).path("httpGet");
        if (!path.equals(get.path("path").asText())) {
            problem(at + ": " + probe + " must be an httpGet of " + path);
        } else if (!"management".equals(get.path("port").asText()) && get.path("port").asInt() != MANAGEMENT_PORT) {
            problem(at + ": " + probe + " must probe the management port (health is not on the API's port)");
        }
    }

    /** Health and metrics live on the management interface: a port of its own, which no Service of the gateway publishes. */
    private static final int MANAGEMENT_PORT = 9000;

    private void managementPort(String id, JsonNode c, JsonNode annotations) {
        boolean declared = StreamSupport.stream(c.path("ports").spliterator(), false)
                .anyMatch(p -> "management".equals(p.path("name").asText()) && p.path("containerPort").asInt() == MANAGEMENT_PORT);
        if (!declared) {
            problem(id + ": declares no containerPort 'management' (" + MANAGEMENT_PORT + ")");
        }
        if (!String.valueOf(MANAGEMENT_PORT).equals(annotations.path("prometheus.io/port").asText())) {
            problem(id + ": prometheus.io/port must be the management port " + MANAGEMENT_PORT);
        }
    }

    private void secret(String at, String name) {
        if (find("Secret", name) == null && !EXTERNAL_SECRETS.contains(name)) {
            problem(at + ": references Secret " + name + ", which neither the overlay nor the README's list makes");
        }
    }

    // --- Network ------------------------------------------------------------------------------------------------

    /** Pods the policies are judged against: each Deployment's, and those the operators make from their resources. */
    private Map<String, Map<String, String>> targets() {
        return pods(docs);
    }

    /** The pods of an overlay by name (a Deployment's, a database's, "kafka", "keycloak") and the labels they carry. */
    static Map<String, Map<String, String>> pods(List<ObjectNode> docs) {
        Map<String, Map<String, String>> pods = new LinkedHashMap<>();
        for (ObjectNode d : Manifests.ofKind(docs, "Deployment")) {
            pods.put(Manifests.name(d), labels(d.path("spec").path("template").path("metadata").path("labels")));
        }
        for (ObjectNode c : Manifests.ofKind(docs, "Cluster")) {
            pods.put(Manifests.name(c), Map.of("cnpg.io/cluster", Manifests.name(c), "cnpg.io/podRole", "instance"));
        }
        for (ObjectNode k : Manifests.ofKind(docs, "Kafka")) {
            pods.put("kafka", Map.of("strimzi.io/cluster", Manifests.name(k), "strimzi.io/kind", "Kafka",
                    "strimzi.io/broker-role", "true", "strimzi.io/controller-role", "true"));
        }
        for (ObjectNode k : Manifests.ofKind(docs, "Keycloak")) {
            pods.put("keycloak", Map.of("app", "keycloak", "app.kubernetes.io/instance", Manifests.name(k),
                    "app.kubernetes.io/managed-by", "keycloak-operator"));
        }
        return pods;
    }

    private void networkPolicies() {
        List<ObjectNode> policies = Manifests.ofKind(docs, "NetworkPolicy");
        boolean denyIngress = policies.stream().anyMatch(p -> p.path("spec").path("podSelector").isEmpty()
                && types(p).contains("Ingress") && p.path("spec").path("ingress").isEmpty());
        if (!denyIngress) {
            problem("no default-deny NetworkPolicy (podSelector {}, policyTypes Ingress, no ingress rules)");
        }
        Map<String, Map<String, String>> pods = targets();
        for (ObjectNode d : Manifests.ofKind(docs, "Deployment")) {
            String name = Manifests.name(d);
            Map<String, String> labels = pods.get(name);
            boolean denyEgress = policies.stream().anyMatch(p -> selects(p.path("spec").path("podSelector"), labels)
                    && types(p).contains("Egress") && p.path("spec").path("egress").isEmpty());
            if (!denyEgress) {
                problem("Deployment/" + name + ": no default-deny egress NetworkPolicy selects its pods");
            }
            for (ObjectNode p : policies) {
                if (!selects(p.path("spec").path("podSelector"), labels)) {
                    continue;
                }
                for (JsonNode rule : p.path("spec").path("ingress")) {
                    ingressRule(Manifests.id(p), name, rule, pods);
                }
                for (JsonNode rule : p.path("spec").path("egress")) {
                    egressRule(Manifests.id(p), name, rule, pods);
                }
            }
        }
        boolean gatewayOpen = policies.stream()
                .filter(p -> selects(p.path("spec").path("podSelector"), pods.getOrDefault(GATEWAY, Map.of())))
                .flatMap(p -> StreamSupport.stream(p.path("spec").path("ingress").spliterator(), false))
                .flatMap(r -> StreamSupport.stream(r.path("from").spliterator(), false))
                .anyMatch(peer -> peer.has("namespaceSelector"));
        if (!gatewayOpen) {
            problem("Deployment/gateway: no NetworkPolicy lets the ingress controller's namespace reach it");
        }
    }

    private void ingressRule(String policy, String target, JsonNode rule, Map<String, Map<String, String>> pods) {
        if (GATEWAY.equals(target)) {
            return;
        }
        if (rule.path("from").isEmpty()) {
            problem(policy + ": lets anyone reach " + target + " (an ingress rule with no 'from'); only the gateway may");
            return;
        }
        boolean managementOnly = !rule.path("ports").isEmpty() && StreamSupport.stream(rule.path("ports").spliterator(), false)
                .allMatch(port -> port.path("port").asInt() == MANAGEMENT_PORT || "management".equals(port.path("port").asText()));
        for (JsonNode peer : rule.path("from")) {
            if (peer.has("namespaceSelector") || peer.has("ipBlock")) {
                // Prometheus scrapes from its own namespace: health and metrics only, never the API.
                if (!managementOnly) {
                    problem(policy + ": lets traffic from outside the namespace reach " + target
                            + "; only the gateway is reachable from outside (and the management port, for metrics)");
                }
            } else {
                Set<String> from = selected(peer.path("podSelector"), pods);
                from.remove(GATEWAY);
                if (!from.isEmpty()) {
                    problem(policy + ": lets " + from + " reach " + target + "; only the gateway may");
                }
            }
        }
    }

    /** OTLP over HTTP: the only port of the monitoring namespace's trace collector a component may reach. */
    private static final int OTLP_HTTP_PORT = 4318;

    /** The services that send email, and so may reach the SMTP relay outside the cluster. */
    private static final Set<String> MAIL_SENDERS = Set.of("applications-service", "scheduling-service");

    /** The service that delivers webhooks, and so may reach receivers on the public internet (HTTPS only). */
    static final String WEBHOOKS = "webhooks-service";
    static final int HTTPS_PORT = 443;
    /**
     * What the webhooks' egress to "anywhere" must leave out, so that a subscription cannot be turned against the
     * cluster, the cloud's metadata endpoint or the node: private, link-local, shared (carrier-grade NAT), loopback.
     */
    static final List<String> NOT_THE_INTERNET = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16",
            "100.64.0.0/10", "127.0.0.0/8");

    private void egressRule(String policy, String source, JsonNode rule, Map<String, Map<String, String>> pods) {
        Set<String> allowed = new TreeSet<>(Set.of("keycloak"));
        if (GATEWAY.equals(source)) {
            allowed.add("kafka");
            allowed.addAll(ServiceConfig.SERVICES);
            allowed.add(CONSOLE);
        } else if (CONSOLE.equals(source)) {
            // The console calls the public API through the gateway, like any client; it owns no data.
            allowed.add(GATEWAY);
        } else {
            allowed.add("kafka");
            allowed.add(database(source));
        }
        if (rule.path("to").isEmpty()) {
            problem(policy + ": lets " + source + " reach anything (an egress rule with no 'to')");
            return;
        }
        for (JsonNode peer : rule.path("to")) {
            if (peer.has("ipBlock")) {
                boolean smtp = MAIL_SENDERS.contains(source) && StreamSupport.stream(rule.path("ports").spliterator(), false)
                        .allMatch(p -> p.path("port").asInt() == 587) && !rule.path("ports").isEmpty();
                if (WEBHOOKS.equals(source)) {
                    webhookReceivers(policy, rule, peer.path("ipBlock"));
                } else if (!smtp) {
                    problem(policy + ": lets " + source + " reach addresses outside the cluster (only the mail senders' SMTP relay on 587"
                            + " and " + WEBHOOKS + "'s receivers on " + HTTPS_PORT + " may)");
                }
            } else if (peer.has("namespaceSelector")) {
                String namespace = peer.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText();
                boolean dns = "kube-system".equals(namespace)
                        && "kube-dns".equals(peer.path("podSelector").path("matchLabels").path("k8s-app").asText());
                boolean traces = "monitoring".equals(namespace)
                        && "opentelemetry-collector".equals(peer.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText())
                        && !rule.path("ports").isEmpty() && StreamSupport.stream(rule.path("ports").spliterator(), false)
                                .allMatch(p -> p.path("port").asInt() == OTLP_HTTP_PORT);
                if (!dns && !traces) {
                    problem(policy + ": lets " + source + " reach another namespace (only kube-dns, and the trace collector on "
                            + OTLP_HTTP_PORT + ")");
                }
            } else {
                Set<String> to = selected(peer.path("podSelector"), pods);
                to.removeAll(allowed);
                if (!to.isEmpty()) {
                    problem(policy + ": lets " + source + " reach " + to + "; it may reach only " + allowed);
                }
            }
        }
    }

    /**
     * The webhooks' way out: TCP 443 only (receivers are https), and never to the private, link-local, shared or
     * loopback ranges (the service also refuses a receiver whose name resolves into them).
     */
    private void webhookReceivers(String policy, JsonNode rule, JsonNode ipBlock) {
        JsonNode ports = rule.path("ports");
        boolean httpsOnly = !ports.isEmpty() && StreamSupport.stream(ports.spliterator(), false)
                .allMatch(p -> p.path("port").asInt() == HTTPS_PORT && "TCP".equals(p.path("protocol").asText("TCP"))
                        && !p.has("endPort"));
        if (!httpsOnly) {
            problem(policy + ": lets " + WEBHOOKS + " reach addresses outside the cluster on other ports than TCP " + HTTPS_PORT);
        }
        String cidr = ipBlock.path("cidr").asText();
        if (!cidr.matches("\\d+\\.\\d+\\.\\d+\\.\\d+/\\d+")) {
            problem(policy + ": lets " + WEBHOOKS + " reach " + cidr + "; only IPv4 blocks are checked against " + NOT_THE_INTERNET);
            return;
        }
        Set<String> except = new TreeSet<>();
        ipBlock.path("except").forEach(e -> except.add(e.asText()));
        // A range the block does not reach needs no exception (a block naming one receiver's public network).
        List<String> missing = NOT_THE_INTERNET.stream().filter(range -> overlap(cidr, range) && !except.contains(range)).toList();
        if (!missing.isEmpty()) {
            problem(policy + ": lets " + WEBHOOKS + " reach " + missing + " (ipBlock " + cidr
                    + " must except every private, link-local, shared and loopback range)");
        }
    }

    /** Whether two IPv4 blocks share an address: their addresses agree on the shorter prefix. */
    static boolean overlap(String a, String b) {
        int prefix = Math.min(prefix(a), prefix(b));
        long mask = prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
        return (address(a) & mask) == (address(b) & mask);
    }

    private static int prefix(String cidr) {
        return Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
    }

    private static long address(String cidr) {
        long address = 0;
        for (String octet : cidr.substring(0, cidr.indexOf('/')).split("\\.")) {
            address = (address << 8) | Integer.parseInt(octet);
        }
        return address;
    }

    private static String database(String service) {
        return switch (service) {
            case "programme-catalogue-service" -> "catalogue-db";
            case "applications-service" -> "applications-db";
            case "scheduling-service" -> "scheduling-db";
            case "webhooks-service" -> "webhooks-db";
            default -> "";
        };
    }

    private void ingresses() {
        for (ObjectNode ingress : Manifests.ofKind(docs, "Ingress")) {
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    String backend = path.path("backend").path("service").path("name").asText();
                    if (!GATEWAY.equals(backend) && !"keycloak-service".equals(backend)) {
                        problem(Manifests.id(ingress) + ": exposes " + backend + "; from outside only the gateway (and Keycloak's realm endpoints) may be reached");
                    }
                }
            }
        }
    }

    // --- Kafka --------------------------------------------------------------------------------------------------

    /** The topics the services use: the contracts' topics, and every incoming channel's topic and dead-letter topic. */
    static Set<String> usedTopics(List<ServiceConfig> services) {
        Set<String> used = new TreeSet<>(constants());
        services.forEach(s -> {
            used.addAll(s.consumed());
            used.addAll(s.deadLetters());
        });
        return used;
    }

    static Set<String> constants() {
        return Arrays.stream(Topics.class.getDeclaredFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(Rules::value).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private void topics() {
        List<ServiceConfig> services = ServiceConfig.all();
        services.forEach(s -> problems.addAll(s.problems()));
        Set<String> used = usedTopics(services);
        Arrays.stream(EventType.values()).filter(t -> !constants().contains(t.topic()))
                .forEach(t -> problem("event " + t.type() + " travels on " + t.topic() + ", which is not in Topics"));
        String cluster = Manifests.ofKind(docs, "Kafka").stream().map(Manifests::name).findFirst().orElse("");
        Map<String, ObjectNode> declared = new HashMap<>();
        for (ObjectNode topic : Manifests.ofKind(docs, "KafkaTopic")) {
            String name = topic.path("spec").path("topicName").asText(Manifests.name(topic));
            declared.put(name, topic);
            if (!cluster.equals(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText())) {
                problem(Manifests.id(topic) + ": label strimzi.io/cluster is not the Kafka cluster '" + cluster + "'");
            }
        }
        for (String topic : used) {
            if (!declared.containsKey(topic)) {
                problem("topic " + topic + " is used by the services' configuration but has no KafkaTopic");
            }
        }
        for (String topic : new TreeSet<>(declared.keySet())) {
            if (!used.contains(topic)) {
                problem("KafkaTopic " + topic + " is used by no service (not in Topics nor in any application.properties)");
            }
        }
        for (ObjectNode pool : Manifests.ofKind(docs, "KafkaNodePool")) {
            if (!cluster.equals(pool.path("metadata").path("labels").path("strimzi.io/cluster").asText())) {
                problem(Manifests.id(pool) + ": label strimzi.io/cluster is not the Kafka cluster '" + cluster + "'");
            }
        }
    }

    private void kafkaUsers() {
        for (ServiceConfig service : ServiceConfig.all()) {
            ObjectNode user = find("KafkaUser", service.service());
            if (user == null) {
                problem("service " + service.service() + " has no KafkaUser");
                continue;
            }
            Map<String, Set<String>> topicOps = new HashMap<>();
            Map<String, Set<String>> groupOps = new HashMap<>();
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                String type = acl.path("resource").path("type").asText();
                Map<String, Set<String>> into = "group".equals(type) ? groupOps : topicOps;
                Set<String> ops = into.computeIfAbsent(acl.path("resource").path("name").asText(), k -> new TreeSet<>());
                acl.path("operations").forEach(op -> ops.add(op.asText()));
            }
            Map<String, String> expected = new HashMap<>();
            service.consumed().forEach(t -> expected.put(t, "Read"));
            service.deadLetters().forEach(t -> expected.put(t, "Write"));
            service.produced().forEach(t -> expected.put(t, "Write"));
            expected.forEach((topic, op) -> {
                if (!topicOps.getOrDefault(topic, Set.of()).contains(op)) {
                    problem(Manifests.id(user) + ": no " + op + " on topic " + topic + ", which the service's configuration uses");
                }
            });
            topicOps.keySet().stream().filter(t -> !expected.containsKey(t)).sorted()
                    .forEach(t -> problem(Manifests.id(user) + ": may use topic " + t + ", which the service does not"));
            service.groups().stream().filter(g -> !groupOps.getOrDefault(g, Set.of()).contains("Read"))
                    .forEach(g -> problem(Manifests.id(user) + ": may not read as consumer group " + g));
        }
    }

    // --- Production only ----------------------------------------------------------------------------------------

    private void production() {
        for (ObjectNode secret : Manifests.ofKind(docs, "Secret")) {
            problem(Manifests.id(secret) + ": a production overlay carries no Secret; ops create them (README)");
        }
        for (ObjectNode hpa : Manifests.ofKind(docs, "HorizontalPodAutoscaler")) {
            if (hpa.path("spec").path("minReplicas").asInt(1) < 2) {
                problem(Manifests.id(hpa) + ": minReplicas below 2 in production");
            }
        }
        for (ObjectNode topic : Manifests.ofKind(docs, "KafkaTopic")) {
            if (topic.path("spec").path("replicas").asInt(0) < 3
                    || topic.path("spec").path("config").path("min.insync.replicas").asInt(0) < 2) {
                problem(Manifests.id(topic) + ": production topics need replicas >= 3 and min.insync.replicas >= 2");
            }
        }
        for (ObjectNode cluster : Manifests.ofKind(docs, "Cluster")) {
            if (cluster.path("spec").path("instances").asInt(0) < 2) {
                problem(Manifests.id(cluster) + ": a production database needs a standby (instances >= 2)");
            }
        }
    }

    // --- Helpers ------------------------------------------------------------------------------------------------

    private ObjectNode find(String kind, String name) {
        return docs.stream().filter(d -> kind.equals(Manifests.kind(d)) && name.equals(Manifests.name(d))).findFirst().orElse(null);
    }

    private static Set<String> types(JsonNode policy) {
        Set<String> types = new TreeSet<>();
        policy.path("spec").path("policyTypes").forEach(t -> types.add(t.asText()));
        return types;
    }

    static Set<String> selected(JsonNode selector, Map<String, Map<String, String>> pods) {
        return pods.entrySet().stream().filter(e -> selects(selector, e.getValue())).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Whether a label selector (matchLabels, matchExpressions; or a Service's plain map) selects these labels. */
    static boolean selects(JsonNode selector, Map<String, String> labels) {
        if (selector.isMissingNode() || labels == null) {
            return false;
        }
        boolean structured = selector.has("matchLabels") || selector.has("matchExpressions");
        JsonNode matchLabels = structured ? selector.path("matchLabels") : selector;
        var fields = matchLabels.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            if (!e.getValue().asText().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String value = labels.get(expression.path("key").asText());
            Set<String> values = new TreeSet<>();
            expression.path("values").forEach(v -> values.add(v.asText()));
            boolean ok = switch (expression.path("operator").asText()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new HashMap<>();
        node.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    private static final String SANDBOX = "KIT_SANDBOX_ENABLED";
    private static final String LOCAL_RECEIVERS = "WEBHOOKS_ALLOW_LOCAL_RECEIVERS";

    private static String env(JsonNode container, String name) {
        for (JsonNode e : container.path("env")) {
            if (name.equals(e.path("name").asText())) {
                return e.path("value").asText(null);
            }
        }
        return null;
    }

    private static long mebibytes(String quantity) {
        if (quantity.endsWith("Mi")) {
            return Long.parseLong(quantity.substring(0, quantity.length() - 2));
        }
        if (quantity.endsWith("Gi")) {
            return Long.parseLong(quantity.substring(0, quantity.length() - 2)) * 1024;
        }
        return 0;
    }

    private void problem(String problem) {
        problems.add(Objects.requireNonNull(problem));
    }
}
