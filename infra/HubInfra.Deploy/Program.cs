using HubInfra.Deploy;
using Pulumi;

return await Deployment.RunAsync(() => HubInfraProgram.RunAsync(PulumiConfigSource.Read()));
