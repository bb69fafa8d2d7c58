# Versions the engines suite installs (sourced by setup.sh).
#
# Providers: the @cdktf/provider-* bindings track kreuzwerker/docker 3.6.2, hashicorp/kubernetes
# 2.38.0 and vmware/vsphere 2.15.0. Their repositories tag majors >= 2 without a /vN module path,
# so the Go module proxy cannot serve those tags, and the proxy these machines reach serves only the
# versions it already holds (a 403 "This module version is not available" is final). The newest
# Docker provider it serves is a pseudo-version of kreuzwerker/terraform-provider-docker's default
# branch from 2026-09-16 (after v4.6.0; v3 -> v4 removed only docker_network.check_duplicate, which
# we never set). Kubernetes and vSphere: the tracked tags are tried and reported as unavailable.
DOCKER_PROVIDER_TRACKED=3.6.2
DOCKER_PROVIDER_MODULE=github.com/kreuzwerker/terraform-provider-docker
DOCKER_PROVIDER_VERSION=v0.0.0-20260916201441-96d331c98ff4
KUBERNETES_PROVIDER_TRACKED=2.38.0
KUBERNETES_PROVIDER_MODULE=github.com/hashicorp/terraform-provider-kubernetes
KUBERNETES_PROVIDER_VERSION=v2.38.0
VSPHERE_PROVIDER_TRACKED=2.15.0
VSPHERE_PROVIDER_MODULE=github.com/vmware/terraform-provider-vsphere
VSPHERE_PROVIDER_VERSION=v2.15.0
# Hand-written bindings (lib/vm/hyperv, lib/vm/virtualbox): the proxy serves no version of these
# providers (tried: hyperv v1.2.1, v1.2.0, v1.0.3, master, latest; virtualbox v0.0.4, v0.2.2-alpha.1).
HYPERV_PROVIDER_TRACKED=1.2.1
HYPERV_PROVIDER_MODULE=github.com/taliesins/terraform-provider-hyperv
HYPERV_PROVIDER_VERSION=v1.2.1
VIRTUALBOX_PROVIDER_TRACKED=0.0.4
VIRTUALBOX_PROVIDER_MODULE=github.com/shekeriev/terraform-provider-virtualbox
VIRTUALBOX_PROVIDER_VERSION=v0.0.4
# Used only when no terraform is on PATH.
OPENTOFU_VERSION=v1.10.7
CHECKOV_VERSION=3.3.30
REGISTRY_PORT=5000
