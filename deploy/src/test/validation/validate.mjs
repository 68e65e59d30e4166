// Validates Kubernetes resources against published schemas: the core API's from kubernetes-models (generated from
// the Kubernetes OpenAPI document), and each operator's from its @kubernetes-models package (generated from the
// operator's CRDs). Reads a JSON array of resources from the file named in argv[2]; writes one JSON line per resource:
// {"index", "apiVersion", "kind", "name", "result": "valid" | "invalid" | "no-schema", "errors": [...]}.
import { readFileSync } from "node:fs";

const OPERATOR_PACKAGES = {
  "kafka.strimzi.io": "@kubernetes-models/strimzi-kafka-operator",
  "core.strimzi.io": "@kubernetes-models/strimzi-kafka-operator",
  "postgresql.cnpg.io": "@kubernetes-models/cloudnative-pg",
  "monitoring.coreos.com": "@kubernetes-models/prometheus-operator",
};

async function modelOf(apiVersion, kind) {
  const slash = apiVersion.indexOf("/");
  const group = slash < 0 ? "" : apiVersion.substring(0, slash);
  const version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
  let module;
  if (group === "" ) {
    module = `kubernetes-models/${version}`;
  } else if (OPERATOR_PACKAGES[group]) {
    module = `${OPERATOR_PACKAGES[group]}/${group}/${version}`;
  } else if (!group.includes(".") || group.endsWith(".k8s.io")) {
    module = `kubernetes-models/${group}/${version}`;
  } else {
    return null;
  }
  try {
    const models = await import(module);
    return models[kind] ?? null;
  } catch (e) {
    if (e.code === "ERR_PACKAGE_PATH_NOT_EXPORTED" || e.code === "ERR_MODULE_NOT_FOUND") {
      return null;
    }
    throw e;
  }
}

const resources = JSON.parse(readFileSync(process.argv[2], "utf8"));
for (const [index, resource] of resources.entries()) {
  const line = { index, apiVersion: resource.apiVersion, kind: resource.kind, name: resource.metadata?.name };
  const Model = await modelOf(resource.apiVersion ?? "", resource.kind ?? "");
  if (!Model) {
    line.result = "no-schema";
  } else {
    try {
      new Model(resource).validate();
      line.result = "valid";
    } catch (e) {
      line.result = "invalid";
      line.errors = (e.errors ?? [{ message: e.message }]).map((err) =>
        `${err.instancePath ?? ""} ${err.message ?? ""}${err.params ? " " + JSON.stringify(err.params) : ""}`.trim());
    }
  }
  console.log(JSON.stringify(line));
}
