# A plain Terraform module in HCL, as a platform team writes it (no cdktf): one insecure setting per rule
# that the inputs test expects, on known lines.
variable "image_digest" {
  type = string
}

provider "docker" {
  host = "tcp://10.0.0.5:2375"
}

resource "kubernetes_cluster_role_v1" "ops" {
  metadata {
    name = "ops"
  }
  rule {
    api_groups = [""]
    resources  = ["pods"]
    verbs      = ["get", "list"]
  }
  rule {
    api_groups = ["*"]
    resources  = ["*"]
    verbs      = ["*"]
  }
}

resource "kubernetes_role_binding_v1" "ops" {
  metadata {
    name      = "ops"
    namespace = "apps"
  }
  role_ref {
    api_group = "rbac.authorization.k8s.io"
    kind      = "ClusterRole"
    name      = "ops"
  }
  subject {
    kind      = "ServiceAccount"
    name      = "default"
    namespace = "apps"
  }
}
