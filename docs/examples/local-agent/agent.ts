import { LocalAgent, agentSettingsFromEnv, defaultBuildLayer, describeHookEvent, type ApplicationStatusView } from '../../../framework/agent';

/** Deploys a web server and a client from their layers, relates them, and returns the client's status. */
export async function main(env: Readonly<Record<string, string | undefined>>, layers: { web: string; client: string }): Promise<ApplicationStatusView | undefined> {
  const agent = new LocalAgent({
    ...agentSettingsFromEnv(env),           // RXCHARM_MODEL (the model dir), RXCHARM_UNIT_ADDRESS, PATH
    buildLayer: defaultBuildLayer(env),     // deploying a layer builds it first
    onHook: (event) => console.log(describeHookEvent(event)),
  });
  await agent.deploy(layers.web, { config: ['port=8080'] });
  await agent.deploy(layers.client);
  await agent.relate('client', 'web');
  return agent.status().applications['client'];
}
