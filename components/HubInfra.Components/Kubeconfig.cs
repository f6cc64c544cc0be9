namespace HubInfra.Components;

/// <summary>A kubeconfig for a GKE cluster that authenticates with the gke-gcloud-auth-plugin (no static credentials).</summary>
public static class Kubeconfig
{
    public static string ForGke(string name, string endpoint, string caCertificate) => $$"""
        apiVersion: v1
        kind: Config
        clusters:
          - name: {{name}}
            cluster:
              server: https://{{endpoint}}
              certificate-authority-data: {{caCertificate}}
        contexts:
          - name: {{name}}
            context:
              cluster: {{name}}
              user: {{name}}
        current-context: {{name}}
        users:
          - name: {{name}}
            user:
              exec:
                apiVersion: client.authentication.k8s.io/v1beta1
                command: gke-gcloud-auth-plugin
                provideClusterInfo: true
                installHint: Install gke-gcloud-auth-plugin for use with kubectl by following https://cloud.google.com/kubernetes-engine/docs/how-to/cluster-access-for-kubectl#install_plugin
        """;
}
