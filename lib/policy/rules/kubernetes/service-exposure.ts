import { Severity } from '../../rule';
import { findAll, isUnresolved } from '../../private/attributes';
import { defineRule } from '../private/rule-kit';

const SERVICE_TYPES = ['kubernetes_service_v1', 'kubernetes_service'];
const EXPOSED = ['NodePort', 'LoadBalancer'];

/** K8S-SERVICE-EXPOSURE: Services stay inside the cluster unless exposure is intended. */
export const serviceExposure = defineRule({
  ruleId: 'K8S-SERVICE-EXPOSURE',
  title: 'Services are not exposed outside the cluster (NodePort, LoadBalancer) unless intended',
  severity: Severity.MEDIUM,
  source: 'NSA Kubernetes Hardening Guide §Network separation; CIS Kubernetes 5.3 (minimise exposure)',
  rationale: 'A NodePort Service opens the port on every node, a LoadBalancer Service gives it an address outside the cluster; '
    + 'both bypass an Ingress with TLS and are easy to expose by accident. Fails on spec.type NodePort or LoadBalancer. '
    + 'A workload declares intended exposure with exposureReason, which records a suppression with that reason; '
    + 'ClusterIP and headless Services (and unset type) pass.',
  resourceTypes: SERVICE_TYPES,
}, (attributes, findings) => {
  const found = findAll(attributes, 'spec.type')[0];
  if (!found) return;
  if (isUnresolved(found.value)) return findings.unknown(found.path);
  if (EXPOSED.includes(String(found.value))) {
    findings.fail(found.path, found.value, 'use a ClusterIP Service behind an Ingress with TLS, or declare the exposure with exposureReason (a reviewed suppression)');
  }
});

/**
 * Rules for what the library's Kubernetes constructs expose (beyond the baseline's pod controls):
 * run with the Kubernetes pack.
 */
export const KUBERNETES_EXPOSURE_RULES = [serviceExposure];
